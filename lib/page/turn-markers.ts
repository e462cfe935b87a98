import { markerSearch } from './byte-markers';
import { byteLength, bytesIndexOf } from './page-natives';
import { CDM_TYPE } from './quota-fields';
import { STE_METADATA } from './turn-model';
import { COOLDOWN_PHRASE, RATE_LIMIT_EXCEPTION } from './turn-refusals';

/**
 * Which events of a chat turn the turn reader (turn-events.ts) needs, decided on the raw UTF-8
 * bytes so that the others are never decoded: nearly all of a long turn is text deltas
 * (`{"v": "..."}`) that can carry no quota.
 *
 * Every event the reader can find something in holds one of TURN_MARKERS (each of its tests starts
 * with one of these substrings, all ASCII, and an ASCII byte never occurs inside a multi-byte
 * character). And each such event also holds an underscore: the quota event's type
 * (conversation_detail_metadata), the plan's and model's (server_ste_metadata, turn-model.ts),
 * image task ids and `async_task_type`, the `turn_use_case` key beside "image gen", and the `content_type` or
 * `is_error` keys a refusal is read from; only `[DONE]` has none, and it is short. So one native
 * search for `_` passes over nearly every delta, and only the rest is searched for the markers.
 */

export const PLAN_MARKER = STE_METADATA;
const STREAM_END = '[DONE]';

/** The image-turn markers (turn-refusals.ts) all hold `"image gen"` or `image_gen`. */
export const TURN_MARKERS: readonly string[] = [
  CDM_TYPE,
  RATE_LIMIT_EXCEPTION,
  COOLDOWN_PHRASE,
  '"image gen"',
  'image_gen',
  PLAN_MARKER,
  STREAM_END,
];

const UNDERSCORE = 0x5f;
/** Longer than `data: [DONE]` with CRLF line ends, shorter than any event with a marker and no underscore could matter. */
const SHORT_EVENT_BYTES = 32;
const holdsMarker = markerSearch(TURN_MARKERS);

/** Whether an event's raw bytes (its lines and blank line) may hold something for the turn reader. */
export function isTurnEventWanted(bytes: Uint8Array): boolean {
  return (byteLength(bytes) <= SHORT_EVENT_BYTES || bytesIndexOf(bytes, UNDERSCORE) !== -1) && holdsMarker(bytes);
}
