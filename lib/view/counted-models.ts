import { countedMeters, serverLeads, type CountedAccount } from '../alerts/counted-meters';
import type { ModelCap } from '../alerts/settings';
import type { Meter, MeterStatus } from '../core/meter';
import type { ModelCounts } from '../core/model-counts';
import { COUNT_WINDOWS_MS, MAX_COUNT_AGE_MS, countWithin, isAtLeast, windowCounts } from '../core/rolling-window';
import { modelName, serverFeatureOf } from '../core/model-names';
import { meterRunOut, type RunOutForecast } from '../core/run-out-forecast';

/**
 * The popup's counted models (issue 22): every model this browser saw answer in the last 7 days,
 * with a cap the user set or a cap seen, counted in the last 3 hours, 24 hours and 7 days. A capped
 * model's line is its meter (lib/alerts/counted-meters.ts): what is left, its status by the one
 * rule, when one more frees up, the run-out forecast. Always counted in this browser: turns sent
 * from other devices or the apps are not seen.
 */

interface CountedCapView {
  limit: number;
  windowHours: number;
  left: number;
  status: MeterStatus;
  /** When the oldest turn counted in the window leaves it (one more left then); null when none is counted. */
  freedAt: number | null;
  forecast: RunOutForecast | null;
}

export interface CountedModelView {
  slug: string;
  name: string;
  /** In the last 3 hours, 24 hours, 7 days (COUNT_WINDOWS_MS). */
  counts: number[];
  /** The 7 days' count reached the bound kept: "at least". */
  atLeast: boolean;
  /** Of the 7 days' turns, those "auto" chose this model for. */
  auto: number;
  cap: CountedCapView | null;
  /** The server's feature that counts this model, where the account's reading lists it: its meter leads, this count is a detail. */
  ledBy: string | null;
  /** What this browser had counted when the server last listed the model as capped. */
  capSeen: { at: number; counts: number[] } | null;
}

function capView(meter: Meter | undefined, cap: ModelCap | undefined, now: number): CountedCapView | null {
  if (meter === undefined || cap === undefined) return null;
  return {
    limit: cap.limit,
    windowHours: cap.windowHours,
    left: meter.left,
    status: meter.status,
    freedAt: meter.resetsAt,
    forecast: meterRunOut(meter, now),
  };
}

/** The counted models of one account, those counted most in 7 days first. */
export function countedModelViews(
  counts: ModelCounts,
  accountId: string,
  settings: { modelCaps: Readonly<Record<string, ModelCap>>; lowThresholds: Readonly<Record<string, number>> },
  now: number,
  /** The account's server features (its state), to tell where the server's meter leads. */
  server?: Pick<CountedAccount, 'features'>,
): CountedModelView[] {
  const account = counts.accounts[accountId];
  const models = account?.models ?? {};
  const capsSeen = account?.capsSeen ?? {};
  const week = COUNT_WINDOWS_MS[COUNT_WINDOWS_MS.length - 1] ?? MAX_COUNT_AGE_MS;
  const meters = countedMeters({ counted: account, features: server?.features }, settings, now);
  const slugs = new Set([
    ...Object.keys(models).filter((slug) => countWithin(models[slug] ?? [], now, week) > 0),
    ...Object.keys(settings.modelCaps),
    // A cap seen when this browser had counted nothing ("capped after 0") tells nothing to set a cap from.
    ...Object.keys(capsSeen).filter((slug) => (capsSeen[slug]?.counts ?? []).some((count) => count > 0)),
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
        auto: countWithin(account?.auto?.[slug] ?? [], now, week),
        cap: capView(
          meters.find((meter) => meter.label.kind === 'countedModel' && meter.label.slug === slug),
          cap,
          now,
        ),
        capSeen: seen === undefined ? null : { at: seen.at, counts: seen.counts },
        ledBy: serverLeads(server, slug) ? serverFeatureOf(slug) : null,
      };
    })
    .sort((a, b) => (b.counts.at(-1) ?? 0) - (a.counts.at(-1) ?? 0) || a.name.localeCompare(b.name));
}
