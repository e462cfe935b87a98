import { isCodexWindowName } from '../core/codex-usage';
import { featureLabel, type FeatureLabelKey } from '../core/feature-names';
import { featureOrder } from './popup-feature-order';
import { DEFAULT_BADGE_FEATURE } from '../alerts/defaults';
import { lowThreshold } from '../alerts/low-threshold';
import type { QuotaState } from '../core/quota-state';
import type { Settings } from '../alerts/settings';

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
): string[] {
  const names = new Set<string>([DEFAULT_BADGE_FEATURE]);
  const windows = new Set<string>();
  if (current !== null) (isCodexWindowName(current) ? windows : names).add(current);
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
  ];
}

/**
 * The threshold used when the user chose none (lib/alerts/low-threshold.ts): 10 for images, 20 for
 * a Codex window (a percent), else a fifth of the largest count seen in any account.
 */
export function defaultThreshold(state: QuotaState, feature: string): number {
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
