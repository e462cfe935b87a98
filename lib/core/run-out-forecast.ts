/**
 * "At this pace, will it run out before the reset, and about when?" Pure, and for any quantity
 * that only goes down within a window: a feature's count, or a percentage left. An estimate: the
 * caller marks it as one.
 */

export interface RemainingPoint {
  at: number;
  remaining: number;
}

export interface RunOutForecast {
  /** When the quantity reaches 0 if use goes on at the pace of the last few hours. */
  runsOutAt: number;
  /** Before the window's reset; null when the reset time is not known. */
  beforeReset: boolean | null;
}

const HOUR = 60 * 60_000;
/** The pace is that of the drops seen in the last few hours: what the user is doing now. */
export const PACE_LOOKBACK_MS = 3 * HOUR;
/**
 * The shortest time a pace is measured over: two images a minute apart are a burst, not a rate
 * of 120 an hour. Drops seen over less time than this count as spread over this much.
 */
export const MIN_PACE_SPAN_MS = 30 * 60_000;
/** Fewer drops than this in the current window are too little to speak of a pace. */
export const MIN_DROPS = 2;

/** The points from the last rise on: a rise is a refill, so what came before was another window. */
function currentWindow(points: readonly RemainingPoint[], now: number): RemainingPoint[] {
  const ordered = points.filter((point) => point.at <= now && Number.isFinite(point.remaining)).sort((a, b) => a.at - b.at);
  let start = 0;
  for (let index = 1; index < ordered.length; index++) {
    if (ordered[index].remaining > ordered[index - 1].remaining) start = index;
  }
  return ordered.slice(start);
}

/**
 * Null when there is nothing honest to say: fewer than two drops in the current window, a reset
 * already passed (the count is no longer current), nothing left, or no drop in the last few hours
 * (idle: no pace to go on).
 */
export function forecastRunOut(points: readonly RemainingPoint[], resetsAt: number | null, now: number): RunOutForecast | null {
  if (resetsAt !== null && resetsAt <= now) return null;
  const window = currentWindow(points, now);
  const drops = window.slice(1).filter((point, index) => point.remaining < window[index].remaining);
  if (drops.length < MIN_DROPS) return null;
  const remaining = window[window.length - 1].remaining;
  if (remaining <= 0) return null;
  const since = now - PACE_LOOKBACK_MS;
  const recentIndex = window.findIndex((point, index) => index > 0 && point.at >= since && point.remaining < window[index - 1].remaining);
  if (recentIndex < 0) return null;
  // What was used from just before the first recent drop to now; the time since the window's
  // first point when that is shorter than the lookback, so a young window is not diluted.
  const used = window[recentIndex - 1].remaining - remaining;
  const span = Math.max(MIN_PACE_SPAN_MS, now - Math.max(since, window[0].at));
  const runsOutAt = Math.round(now + (remaining / used) * span);
  return { runsOutAt, beforeReset: resetsAt === null ? null : runsOutAt < resetsAt };
}
