import { CDM_TYPE } from './quota-fields';
import { COOLDOWN_PHRASE, RATE_LIMIT_EXCEPTION } from './turn-refusals';

/**
 * What an event of a chat turn must contain for the turn reader (turn-events.ts) to find anything
 * in it: every test the reader makes starts with one of these substrings. All are ASCII, so they
 * can be looked for in the raw UTF-8 bytes, and an event holding none of them is passed over
 * without being decoded: nearly all of a long turn is text deltas that can carry no quota.
 */

export const PLAN_MARKER = 'server_ste_metadata';
export const STREAM_END = '[DONE]';

/** The substrings that make an event worth decoding. The image-turn markers (turn-refusals.ts) all hold `"image gen"` or `image_gen`. */
export const TURN_MARKERS: readonly string[] = [CDM_TYPE, RATE_LIMIT_EXCEPTION, COOLDOWN_PHRASE, '"image gen"', 'image_gen', PLAN_MARKER, STREAM_END];
