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
const PACE_LOOKBACK_MS = 3 * HOUR;
/**
 * The shortest time a pace is measured over: two images a minute apart are a burst, not a rate
 * of 120 an hour. Drops seen over less time than this count as spread over this much.
 */
const MIN_PACE_SPAN_MS = 30 * 60_000;
/** Fewer drops than this in the current window are too little to speak of a pace. */
const MIN_DROPS = 2;

interface Drop {
  before: RemainingPoint;
  after: RemainingPoint;
}

/** The drops since the last rise: a rise is a refill, so what came before was another window. */
function dropsOfCurrentWindow(points: readonly RemainingPoint[], now: number): Drop[] {
  const ordered = points.filter((point) => point.at <= now && Number.isFinite(point.remaining)).sort((a, b) => a.at - b.at);
  let drops: Drop[] = [];
  ordered.forEach((after, index) => {
    const before = ordered[index - 1];
    if (before === undefined) return;
    if (after.remaining > before.remaining) drops = [];
    else if (after.remaining < before.remaining) drops.push({ before, after });
  });
  return drops;
}

/**
 * A meter's forecast (lib/core/meter.ts): what it had left at each change seen, against its reset.
 * Null when there is nothing honest to say: fewer than two drops in the current window, a reset
 * already passed (the count is no longer current), nothing left, or no drop in the last few hours
 * (idle: no pace to go on).
 */
export function meterRunOut(meter: { points: readonly RemainingPoint[]; resetsAt: number | null }, now: number): RunOutForecast | null {
  const { points, resetsAt } = meter;
  if (resetsAt !== null && resetsAt <= now) return null;
  const drops = dropsOfCurrentWindow(points, now);
  const last = drops.at(-1);
  if (drops.length < MIN_DROPS || last === undefined || last.after.remaining <= 0) return null;
  const since = now - PACE_LOOKBACK_MS;
  const firstRecent = drops.find((drop) => drop.after.at >= since);
  if (firstRecent === undefined) return null;
  // What was used from just before the first recent drop to now, over the lookback, or over the
  // time since the window's first drop began when that is shorter (a young window is not diluted).
  const remaining = last.after.remaining;
  const used = firstRecent.before.remaining - remaining;
  const windowStart = drops[0]?.before.at ?? now;
  const span = Math.max(MIN_PACE_SPAN_MS, now - Math.max(since, windowStart));
  const runsOutAt = Math.round(now + (remaining / used) * span);
  return { runsOutAt, beforeReset: resetsAt === null ? null : runsOutAt < resetsAt };
}

/**
 * A drop from a higher count was seen in the window: only then is the most seen a cap worth a bar.
 * Here rather than in remaining-points.ts, whose schema (zod) must stay out of the popup's first chunk.
 */
export function dropSeen(points: readonly RemainingPoint[]): boolean {
  return points.some((point, index) => index > 0 && point.remaining < (points[index - 1]?.remaining ?? 0));
}
