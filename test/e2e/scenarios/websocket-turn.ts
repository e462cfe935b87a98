import { syntheticCapture } from './captures';
import { shiftTimesTo } from './shift-times';

/**
 * The frames of a turn moved to WebSocket (synthetic/websocket_turn_frames.jsonl: the quota item
 * s3 arrives twice, as a replay), one frame a line, with every time moved so that the frames read
 * as sent at `now`: the ISO reset times inside the SSE items, and the epoch-millisecond stamps.
 */
const SENT_AT_MS = 1784872208745;

export function websocketTurnFrames(now: number): string[] {
  const shift = now - SENT_AT_MS;
  const moved = shiftTimesTo(syntheticCapture('websocket_turn_frames.jsonl'), new Date(SENT_AT_MS).toISOString(), now);
  return moved
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/17848722087\d\d/g, (stamp) => String(Number(stamp) + shift)));
}

/** The same turn, its quota item saying `imagesLeft` images until `resetAt` (the replay says the same). */
export function websocketTurnFramesWith(now: number, imagesLeft: number, resetAt: string): string[] {
  // Inside a frame the SSE item is a JSON string: its quotes are escaped.
  const imageLimit = /(\\"feature_name\\":\\"image_gen\\",\\"remaining\\":)\d+(,\\"reset_after\\":\\")[^\\]*/g;
  return websocketTurnFrames(now).map((frame) => frame.replace(imageLimit, `$1${imagesLeft}$2${resetAt}`));
}
