import { recordOf } from './json-record';
import { jsonValueOf } from './json-value';
import { arrayIncludes, indexOfItem } from './page-natives';
import type { PageFinding } from './page-message';
import { createSseScanner } from './sse-scanner';
import { createTurnEventReader } from './turn-events';

/**
 * Reads the JSON frames of one WebSocket that carries chat turns: each frame's
 * `payload.payload.encoded_item` is SSE text; a replay repeats a `stream_item_id` and is the same
 * reading (protocol.md section 1). Shared by the live observer and the CLI (saved frames).
 */

/** Replays repeat recent items; remembering the last few hundred ids per socket is enough. */
const MAX_REMEMBERED_ITEMS = 256;
const MAX_TURNS = 8;

interface TurnFrame {
  item: string;
  itemId: string | null;
  turn: string;
}

export function turnFrameOf(text: string): TurnFrame | null {
  const inner = recordOf(recordOf(recordOf(jsonValueOf(text))?.payload)?.payload);
  if (typeof inner?.encoded_item !== 'string') return null;
  const itemId = typeof inner.stream_item_id === 'string' ? inner.stream_item_id : null;
  const turn = typeof inner.turn_id === 'string' ? inner.turn_id : typeof inner.conversation_id === 'string' ? inner.conversation_id : '';
  return { item: inner.encoded_item, itemId, turn };
}

/** Returns a reader for the frames of one socket, in order; bounded whatever the socket sends. */
export function createTurnFrameReader(report: (finding: PageFinding) => void): (frameText: string) => void {
  // Rings searched through page-natives.ts (no Map, no splice, whose species lookup a page sees):
  // the oldest entry is overwritten once a ring is full.
  const seenItems: string[] = [];
  let seenCount = 0;
  /** [turn, reader, turn, reader, ...]: a turn id is a string, a reader a function, so a turn is found at an even index. */
  const turns: unknown[] = [];
  let turnCount = 0;

  function readerFor(turn: string): (data: string) => void {
    const at = indexOfItem(turns, turn);
    if (at !== -1) return turns[at + 1] as (data: string) => void;
    const reader = createTurnEventReader('websocket', report);
    const slot = 2 * (turnCount++ % MAX_TURNS);
    turns[slot] = turn;
    turns[slot + 1] = reader;
    return reader;
  }

  return (frameText) => {
    const frame = turnFrameOf(frameText);
    if (!frame) return;
    if (frame.itemId !== null) {
      // A replay repeats its turn too, and the frames seen number items per turn (s1..s4 in turn t1):
      // another turn's "s3" is a new item, not a replay.
      const item = `${frame.turn}\n${frame.itemId}`;
      if (arrayIncludes(seenItems, item)) return;
      seenItems[seenCount++ % MAX_REMEMBERED_ITEMS] = item;
    }
    const scanner = createSseScanner(readerFor(frame.turn));
    scanner.pushText(frame.item);
    scanner.end();
  };
}
