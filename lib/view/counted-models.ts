import { statusOfLeft, type FeatureStatus } from '../alerts/feature-status';
import { lowThresholdFor } from '../alerts/low-threshold';
import type { ModelCap } from '../alerts/settings';
import {
  COUNT_WINDOWS_MS,
  MAX_COUNT_AGE_MS,
  countWithin,
  isAtLeast,
  nextFreedAt,
  windowCounts,
  type ModelCounts,
} from '../core/model-counts';
import { modelName } from '../core/model-names';

/**
 * The popup's counted models (issue 22): every model this browser saw answer in the last 7 days,
 * with a cap the user set or a cap seen, counted in the last 3 hours, 24 hours and 7 days. With a
 * cap, what is left of it, its status by the one rule (statusOfLeft) and when one more frees up.
 * Always counted in this browser: turns sent from other devices or the apps are not seen.
 */

const HOUR_MS = 3_600_000;

/** The name a capped model's meter goes by in settings (threshold, badge), apart from server features. */
export const COUNTED_PREFIX = 'counted:';
export const countedMeterName = (slug: string) => `${COUNTED_PREFIX}${slug}`;

export interface CountedCapView {
  limit: number;
  windowHours: number;
  /** Turns counted in the cap's window. */
  used: number;
  left: number;
  status: Exclude<FeatureStatus, 'blocked' | 'stale'>;
  /** When the oldest turn counted in the window leaves it (one more left then); null when none is counted. */
  freedAt: number | null;
}

export interface CountedModelView {
  slug: string;
  name: string;
  /** In the last 3 hours, 24 hours, 7 days (COUNT_WINDOWS_MS). */
  counts: number[];
  /** The 7 days' count reached the bound kept: "at least". */
  atLeast: boolean;
  cap: CountedCapView | null;
  /** What this browser had counted when the server last listed the model as capped. */
  capSeen: { at: number; counts: number[] } | null;
}

export function countedCapView(
  times: readonly number[],
  cap: ModelCap,
  lowThresholds: Readonly<Record<string, number>>,
  slug: string,
  now: number,
): CountedCapView {
  const windowMs = cap.windowHours * HOUR_MS;
  const used = countWithin(times, now, windowMs);
  const left = Math.max(0, cap.limit - used);
  const threshold = lowThresholdFor({ lowThresholds }, countedMeterName(slug), cap.limit);
  const status = statusOfLeft(left, null, now, threshold) as CountedCapView['status'];
  return { limit: cap.limit, windowHours: cap.windowHours, used, left, status, freedAt: nextFreedAt(times, now, windowMs) };
}

/** The counted models of one account, those counted most in 7 days first. */
export function countedModelViews(
  counts: ModelCounts,
  accountId: string,
  settings: { modelCaps: Readonly<Record<string, ModelCap>>; lowThresholds: Readonly<Record<string, number>> },
  now: number,
): CountedModelView[] {
  const account = counts.accounts[accountId];
  const models = account?.models ?? {};
  const capsSeen = account?.capsSeen ?? {};
  const week = COUNT_WINDOWS_MS[COUNT_WINDOWS_MS.length - 1] ?? MAX_COUNT_AGE_MS;
  const slugs = new Set([
    ...Object.keys(models).filter((slug) => countWithin(models[slug] ?? [], now, week) > 0),
    ...Object.keys(settings.modelCaps),
    ...Object.keys(capsSeen),
  ]);
  return [...slugs]
    .map((slug): CountedModelView => {
      const times = models[slug] ?? [];
      const cap = settings.modelCaps[slug];
      const seen = capsSeen[slug];
      return {
        slug,
        name: modelName(slug),
        counts: windowCounts(times, now),
        atLeast: isAtLeast(times, now, week),
        cap: cap === undefined ? null : countedCapView(times, cap, settings.lowThresholds, slug, now),
        capSeen: seen === undefined ? null : { at: seen.at, counts: seen.counts },
      };
    })
    .sort((a, b) => (b.counts.at(-1) ?? 0) - (a.counts.at(-1) ?? 0) || a.name.localeCompare(b.name));
}
