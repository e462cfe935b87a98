/**
 * Why a response that looked like a carrier was not read: a fixed list, plus the HTTP status as a
 * number. Diagnostics hold these codes only, never a value from the page (a free-text reason
 * could carry anything the page likes into the log, the popup and copied bug reports).
 */
const IGNORED_REASONS = [
  'body too large',
  'body is not JSON',
  'no quota fields',
  'no Codex limit fields',
  'no memory fields',
  'not text/event-stream',
  'stream too large',
  'stream idle',
  // Only in saved captures (lib/cli/har-readings.ts).
  'no HTTP status in the HAR',
  'no response body in the HAR',
] as const;

export type IgnoredReason = (typeof IGNORED_REASONS)[number] | `HTTP ${number}`;

/** A status code: three digits at most (0 for an opaque answer). */
const HTTP_STATUS = /^HTTP \d{1,3}$/;

export function isIgnoredReason(value: unknown): value is IgnoredReason {
  return typeof value === 'string' && ((IGNORED_REASONS as readonly string[]).includes(value) || HTTP_STATUS.test(value));
}

export function httpStatusReason(status: number): IgnoredReason {
  return Number.isInteger(status) && status >= 0 && status <= 999 ? `HTTP ${status}` : 'HTTP 0';
}
