/**
 * Rolling windows over kept times (lib/core/model-counts.ts), apart from the stored schema so that
 * the meters (lib/alerts/counted-meters.ts) and the popup's first chunk carry no zod.
 */

/** At most this many times are kept per model (lib/core/model-counts.ts says why). */
export const MAX_TIMES_PER_MODEL = 1000;
const HOUR_MS = 3_600_000;
/** Times older than this are dropped: the longest window shown, and the longest a cap's window may be. */
export const MAX_COUNT_AGE_MS = 7 * 24 * HOUR_MS;
/** The windows every counted model is shown in: 3 hours, 24 hours, 7 days. */
export const COUNT_WINDOWS_MS = [3 * HOUR_MS, 24 * HOUR_MS, MAX_COUNT_AGE_MS] as const;

/** The id a counted model's meter goes by (settings' thresholds, the badge, the notice ledger), apart from server features. */
export const COUNTED_PREFIX = 'counted:';
export const countedMeterId = (slug: string) => `${COUNTED_PREFIX}${slug}`;
export const isCountedMeterId = (id: string) => id.startsWith(COUNTED_PREFIX);

/**
 * Whether a kept time is within `windowMs` of `now`. A time after `now` means the clock was moved
 * back since: it is counted in every window (the turn did happen, and not long ago as far as can
 * be told), which errs towards less left, never more.
 */
function isWithin(at: number, now: number, windowMs: number): boolean {
  return now - at < windowMs;
}

/** How many of the kept times fall in the window ending now. */
export function countWithin(times: readonly number[], now: number, windowMs: number): number {
  return times.reduce((total, at) => total + Number(isWithin(at, now, windowMs)), 0);
}

/** A count that reached the bound with every kept time in its window may be larger: "at least". */
export function isAtLeast(times: readonly number[], now: number, windowMs: number): boolean {
  return times.length >= MAX_TIMES_PER_MODEL && countWithin(times, now, windowMs) === times.length;
}

/** When the oldest time counted in the window leaves it, which is when one more is "left" again; null when none is counted. */
export function nextFreedAt(times: readonly number[], now: number, windowMs: number): number | null {
  const counted = times.filter((at) => isWithin(at, now, windowMs) && at <= now);
  return counted.length === 0 ? null : Math.min(...counted) + windowMs;
}

/** The counts of one model in each of COUNT_WINDOWS_MS. */
export function windowCounts(times: readonly number[], now: number): number[] {
  return COUNT_WINDOWS_MS.map((windowMs) => countWithin(times, now, windowMs));
}
