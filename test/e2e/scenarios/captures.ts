import { fixtureText } from '../../unit/fixtures';
import { shiftTimesTo } from './shift-times';

/**
 * The real captures (test/fixtures/real/), served as if they had been captured just now.
 * When each was taken is read from the capture itself: a monthly deep_research window that
 * resets on the 15th at 16:42:07 was opened on the 15th of the month before at that time; a block
 * "in 5 hours" that ends at 01:18:40 was seen at 20:18:40 the day before.
 */
const CAPTURED_AT = {
  // deep_research resets 2026-10-14T04:59:17 (a month's window); image_gen later that day.
  'init_pro_without_type_2026-09.json': '2026-09-14T04:59:17Z',
  // deep_research resets 2026-10-15T16:42:07 (a month's window).
  'init_blocked_file_upload_model_limits_2026-09.json': '2026-09-15T16:42:07Z',
  // The turn's first message has create_time 1777031852.
  'stream_image_gen_turn_plus_2026-04.sse.txt': '2026-04-24T11:57:32Z',
  // image_gen blocked until 2026-09-18T01:18:40 with resets_after_text "in 5 hours".
  'stream_cdm_cap_reached_free_2026-09.sse.txt': '2026-09-17T20:18:40Z',
} as const;

export type TimedCapture = keyof typeof CAPTURED_AT;

/** A real capture with its times moved so that it reads as taken at `now`. */
export function captureAsOf(name: TimedCapture, now: number): string {
  return shiftTimesTo(fixtureText('real', name), CAPTURED_AT[name], now);
}

/** A real capture exactly as captured (its reset times are in the past now). */
export function captureAsCaptured(name: string): string {
  return fixtureText('real', name);
}

export function syntheticCapture(name: string): string {
  return fixtureText('synthetic', name);
}

/** The data of the capture's conversation_detail_metadata event (an SSE capture's quota line). */
export function quotaEventData(sse: string): string {
  const line = sse.split('\n').find((candidate) => candidate.startsWith('data: ') && candidate.includes('"conversation_detail_metadata"'));
  if (line === undefined) throw new Error('capture has no conversation_detail_metadata event');
  return line.slice('data: '.length);
}
