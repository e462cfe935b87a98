import { z } from 'zod/mini';
import { integer, list } from './schema-parts';
import type { RemainingPoint } from './run-out-forecast';

/**
 * The counts seen in a feature's current window, (time, remaining) each time the count changed:
 * what the run-out forecast and the bar rule go on. Bounded: the oldest give way first.
 */

/** A day of use rarely changes a count more often than this matters for a pace of the last hours. */
export const MAX_POINTS = 16;

export const remainingPointsSchema = list(z.object({ at: integer(0), remaining: integer(0) }), MAX_POINTS);

/**
 * The window's points after one more reading: a new window starts over; a count read again
 * unchanged adds nothing (a full feature is read on every page load).
 */
export function nextPoints(previous: readonly RemainingPoint[] | undefined, point: RemainingPoint, sameWindow: boolean): RemainingPoint[] {
  if (!sameWindow || previous === undefined) return [point];
  const last = previous[previous.length - 1];
  if (last !== undefined && last.remaining === point.remaining) return [...previous];
  return [...previous, point].slice(-MAX_POINTS);
}
