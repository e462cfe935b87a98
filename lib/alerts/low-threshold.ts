import type { Meter } from '../core/meter';
import { DEFAULT_BADGE_FEATURE, DEFAULT_LOW_SHARE, DEFAULT_LOW_THRESHOLD, DEFAULT_MEMORY_LOW_PERCENT, MEMORY_METER } from './defaults';

/**
 * The one low-threshold rule, for every kind of meter: the `left` at or below which it is "low".
 * Apart from settings.ts (which validates with zod) so that the page chip, which carries no zod,
 * uses the very same rule as the badge.
 */

/** The whole of a percent: a percent meter's default is a share of it. */
const PERCENT_SCALE = 100;

/**
 * The user's choice for this meter, else 10 for images and for memory (10% free), else a fifth of its scale: of 100 for a
 * percent (20% left), of the most seen this window for a count (0 before anything was seen).
 */
export function lowThreshold(
  settings: { lowThresholds: Readonly<Record<string, number>> },
  meter: Pick<Meter, 'id' | 'unit' | 'mostSeen'>,
): number {
  const chosen = settings.lowThresholds[meter.id];
  if (chosen !== undefined) return chosen;
  if (meter.id === DEFAULT_BADGE_FEATURE) return DEFAULT_LOW_THRESHOLD;
  if (meter.id === MEMORY_METER) return DEFAULT_MEMORY_LOW_PERCENT;
  const scale = meter.unit === 'percent' ? PERCENT_SCALE : (meter.mostSeen ?? 0);
  return Math.floor(scale * DEFAULT_LOW_SHARE);
}
