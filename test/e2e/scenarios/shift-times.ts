/**
 * Moves every ISO 8601 time in a capture by the same amount, keeping each one's exact form
 * ("...Z", "...853628+00:00" with microseconds): the captures were taken in 2026 and their reset
 * times have passed, but what the replica serves must be "now" with the captured spacing intact.
 * Only UTC forms are seen on the wire (protocol.md section 2), and only those are moved.
 */
const ISO_TIME = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|\+00:00)/g;
const SECOND = 1000;

function shifted(whole: string, seconds: string, fraction: string | undefined, zone: string, shiftMs: number): string {
  const time = Date.parse(`${seconds}Z`);
  if (!Number.isFinite(time)) return whole;
  const moved = new Date(time + shiftMs).toISOString().slice(0, 19);
  return `${moved}${fraction === undefined ? '' : `.${fraction}`}${zone}`;
}

/** Shifts by whole seconds, so that the fraction digits stay as captured. */
export function shiftTimes(text: string, shiftMs: number): string {
  const whole = Math.round(shiftMs / SECOND) * SECOND;
  return text.replace(ISO_TIME, (match, seconds: string, fraction: string | undefined, zone: string) =>
    shifted(match, seconds, fraction, zone, whole),
  );
}

/** Shifts so that the time `anchor` (as written in the capture) lands at `at`. */
export function shiftTimesTo(text: string, anchor: string, at: number): string {
  const anchorTime = Date.parse(anchor);
  if (!Number.isFinite(anchorTime)) throw new Error(`not a time: ${anchor}`);
  return shiftTimes(text, at - anchorTime);
}
