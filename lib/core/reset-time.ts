/**
 * Reset times arrive as ISO 8601 with "Z" or "+00:00" and up to microseconds
 * ("2026-09-16T07:46:12.855760+00:00"), or empty. Date.parse is only specified for
 * milliseconds, so the fraction is cut to three digits first. Unknown stays unknown (null),
 * never "now".
 */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i;

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2200;

export function parseResetTime(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = ISO_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  if (Number(year) < EARLIEST_YEAR || Number(year) > LATEST_YEAR) return null;
  const millis = fraction.slice(0, 3).padEnd(3, '0');
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset}`);
  return Number.isFinite(time) ? time : null;
}

/**
 * The longest real window is a month (deep research); a reset time further ahead than this from
 * when it was received is no reset we can trust (a forged one would arm alarms for years): it is
 * read as unknown.
 */
export const MAX_RESET_AHEAD_MS = 35 * 24 * 3600 * 1000;

/** A reset time as parseResetTime reads it, or null when it lies further ahead of `receivedAt` than any real window. */
export function parseResetTimeAt(text: unknown, receivedAt: number): number | null {
  const time = parseResetTime(text);
  return time !== null && time - receivedAt > MAX_RESET_AHEAD_MS ? null : time;
}
