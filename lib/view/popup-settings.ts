import { serverLeads } from '../alerts/counted-meters';
import { isCodexWindowName } from '../core/codex-usage';
import { featureLabel, type FeatureLabelKey } from '../core/feature-names';
import { featureOrder } from './popup-feature-order';
import { DEFAULT_BADGE_FEATURE } from '../alerts/defaults';
import { lowThreshold } from '../alerts/low-threshold';
import type { QuotaState } from '../core/quota-state';
import { COUNTED_PREFIX, countedMeterId, isCountedMeterId } from '../core/rolling-window';
import { MAX_CAP_WINDOW_HOURS, MAX_MODEL_CAP, type ModelCap, type Settings } from '../alerts/settings';

/**
 * The settings view's rules. Pure: which features can be chosen, the default thresholds shown
 * as placeholders, what a typed threshold means and the settings it gives.
 */

/** The most that settings can hold (lib/alerts/settings.ts). */
const MAX_THRESHOLD = 1_000_000;

/**
 * Features the user can pick for the badge and give a threshold: every feature seen in any
 * account (listed or blocked), image_gen (the default, even before a reading) and the current
 * choice. image_gen first, then by the name the user reads; Codex windows seen in any account last.
 */
export function choosableFeatures(
  state: QuotaState,
  current: string | null,
  translate: (key: FeatureLabelKey, substitutions?: string[]) => string,
  modelCaps: Readonly<Record<string, ModelCap>> = {},
): string[] {
  const names = new Set<string>([DEFAULT_BADGE_FEATURE]);
  const windows = new Set<string>();
  // A model the user capped is a meter too (lib/alerts/counted-meters.ts): listed after the Codex windows.
  // Not where the active account's reading lists the feature the server counts the model in: its meter leads.
  const active = Object.hasOwn(state.accounts, state.activeAccount) ? state.accounts[state.activeAccount] : undefined;
  const counted = new Set(
    Object.keys(modelCaps)
      .filter((slug) => !serverLeads(active, slug))
      .map(countedMeterId),
  );
  if (current !== null) (isCountedMeterId(current) ? counted : isCodexWindowName(current) ? windows : names).add(current);
  for (const account of Object.values(state.accounts)) {
    for (const name of Object.keys(account.features)) names.add(name);
    for (const block of account.blocked) names.add(block.name);
    for (const window of account.codex?.windows ?? []) windows.add(window.name);
  }
  return [
    ...[...names].sort(
      featureOrder(
        (name: string) => name,
        (name) => featureLabel(name, translate),
      ),
    ),
    ...[...windows].sort(),
    ...[...counted].sort(),
  ];
}

/**
 * The threshold used when the user chose none (lib/alerts/low-threshold.ts): 10 for images, 20 for
 * a Codex window (a percent), a fifth of the cap for a counted model, else a fifth of the largest count seen in any account.
 */
export function defaultThreshold(state: QuotaState, feature: string, modelCaps: Readonly<Record<string, ModelCap>> = {}): number {
  if (isCountedMeterId(feature)) {
    const slug = feature.slice(COUNTED_PREFIX.length);
    const cap = Object.hasOwn(modelCaps, slug) ? modelCaps[slug] : undefined;
    return lowThreshold({ lowThresholds: {} }, { id: feature, unit: 'messages', mostSeen: cap?.limit ?? 0 });
  }
  const maxSeen = Math.max(0, ...Object.values(state.accounts).map((account) => account.features[feature]?.maxSeen ?? 0));
  return lowThreshold({ lowThresholds: {} }, { id: feature, unit: isCodexWindowName(feature) ? 'percent' : 'count', mostSeen: maxSeen });
}

/** What the user typed: nothing (use the default), a whole number from 0, or not a threshold. */
type ThresholdInput = { ok: true; value: number | null } | { ok: false };

export function parseThreshold(typed: string): ThresholdInput {
  const text = typed.trim();
  if (text === '') return { ok: true, value: null };
  if (!/^\d+$/.test(text)) return { ok: false };
  const value = Number(text);
  return value <= MAX_THRESHOLD ? { ok: true, value } : { ok: false };
}

/** Settings with the feature's threshold set, or removed so that the default applies. */
export function withThreshold(settings: Settings, feature: string, value: number | null): Settings {
  const current = settings.lowThresholds[feature];
  if (current === value || (current === undefined && value === null)) return settings;
  const lowThresholds = Object.fromEntries(Object.entries(settings.lowThresholds).filter(([name]) => name !== feature));
  return { ...settings, lowThresholds: value === null ? lowThresholds : { ...lowThresholds, [feature]: value } };
}

/** The windows offered for a cap, in hours: 3 h, 24 h, 7 days; any other number of hours is typed. */
export const CAP_WINDOW_CHOICES = [3, 24, 168] as const;

/**
 * What the user typed for a model's cap: an empty cap removes it; else a whole number from 1 and a
 * window of 1 to 168 hours (the 7 days counts are kept), or not a cap.
 */
export function parseModelCap(limitText: string, hoursText: string): { ok: true; value: ModelCap | null } | { ok: false } {
  const limit = limitText.trim();
  if (limit === '') return { ok: true, value: null };
  const hours = hoursText.trim();
  if (!/^\d+$/.test(limit) || !/^\d+$/.test(hours)) return { ok: false };
  const value = { limit: Number(limit), windowHours: Number(hours) };
  const fits = value.limit >= 1 && value.limit <= MAX_MODEL_CAP && value.windowHours >= 1 && value.windowHours <= MAX_CAP_WINDOW_HOURS;
  return fits ? { ok: true, value } : { ok: false };
}

/** Settings with the model's cap set, or removed. */
export function withModelCap(settings: Settings, slug: string, cap: ModelCap | null): Settings {
  const current = settings.modelCaps[slug];
  if (current?.limit === cap?.limit && current?.windowHours === cap?.windowHours) return settings;
  const modelCaps = Object.fromEntries(Object.entries(settings.modelCaps).filter(([name]) => name !== slug));
  return { ...settings, modelCaps: cap === null ? modelCaps : { ...modelCaps, [slug]: cap } };
}
