import { isCodexWindowName } from '../core/codex-usage';
import { DEFAULT_BADGE_FEATURE, DEFAULT_LOW_THRESHOLD } from './quota-badge';

/**
 * The count at or below which a feature is "low". Apart from settings.ts (which validates with
 * zod) so that the page chip, which carries no zod, uses the very same rule as the badge.
 */

/** For features other than image_gen, "low" is this share of the largest remaining seen. */
const DEFAULT_LOW_SHARE = 0.2;
/** A Codex window is "low" at this percent left, unless the user chose another. */
const DEFAULT_WINDOW_LOW_PERCENT = 20;

/**
 * The user's choice, else 10 for images, else 20% of the most seen. For a Codex window it is a
 * percent left: the user's choice, else 20.
 */
export function lowThresholdFor(settings: { lowThresholds: Readonly<Record<string, number>> }, feature: string, maxSeen: number): number {
  const chosen = settings.lowThresholds[feature];
  if (chosen !== undefined) return chosen;
  if (feature === DEFAULT_BADGE_FEATURE) return DEFAULT_LOW_THRESHOLD;
  if (isCodexWindowName(feature)) return DEFAULT_WINDOW_LOW_PERCENT;
  return Math.floor(maxSeen * DEFAULT_LOW_SHARE);
}
