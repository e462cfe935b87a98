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
