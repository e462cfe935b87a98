/**
 * The defaults of the badge and the low thresholds, in a leaf that imports nothing: the settings,
 * the badge, the low-threshold rule and the views all read them, so none of them imports another
 * for a constant (an import circle ran through lib/alerts/ while they lived in quota-badge.ts).
 */

/** The feature the badge shows until the user picks another (also first in the popup's lists). */
export const DEFAULT_BADGE_FEATURE = 'image_gen';

/** Image generations are low at 10 left: a day's use for many, and the number users asked for. */
export const DEFAULT_LOW_THRESHOLD = 10;

/**
 * Any other meter is low at this share of its scale: of the most seen this window for a count
 * (a cap as far as seen), of 100 for a percent (a Codex window is low at 20% left).
 */
export const DEFAULT_LOW_SHARE = 0.2;

/** Memory's meter id (lib/alerts/memory-meters.ts). */
export const MEMORY_METER = 'memory';

/** Memory is low at 10% free: the optional notice says "memory 90% full". */
export const DEFAULT_MEMORY_LOW_PERCENT = 10;
