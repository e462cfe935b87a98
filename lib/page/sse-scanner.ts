import { push as pushItem } from './page-natives';
import { createSseLines } from './sse-lines';
import { isTurnEventWanted } from './turn-markers';

/**
 * An incremental scanner for text/event-stream bodies that keeps only the event being read.
 * Network chunks end anywhere, inside a line or inside a multi-byte character (protocol.md
 * section 4). Bytes are cut into events at their blank lines without being decoded; an event is
 * decoded and split into lines (sse-lines.ts) only when `wanted` says its raw bytes may matter
 * (by default, to the turn reader: turn-markers.ts; `EVERY_EVENT` for all). Decoded text given to
 * `pushText` is read whole.
 * A 5 MiB turn is nearly all text deltas, which are passed over at the cost of a byte search.
 * An event larger than `maxEventChars` is skipped whole: memory stays bounded whatever the body
 * size. No zod and no browser API: this runs in the page and in the CLI.
 */

export const DEFAULT_MAX_EVENT_CHARS = 512 * 1024;
/** Pass as `wanted` to have every event's data. */
export const EVERY_EVENT = null;

const LF = 0x0a;
const CR = 0x0d;
/** A UTF-16 code unit takes at most 3 bytes of UTF-8: an event over 3 bytes per allowed char is over the bound whatever it holds. */
const MAX_BYTES_PER_CHAR = 3;

interface SseScanner {
  /** Feeds the next network chunk. */
  push(chunk: Uint8Array): void;
  /** Feeds decoded text (for callers that already hold a string; not mixed with `push`). */
  pushText(text: string): void;
  /** Ends the body: dispatches an event left without its closing blank line. */
  end(): void;
}

function joined(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

export function createSseScanner(
  onEventData: (data: string) => void,
  maxEventChars: number = DEFAULT_MAX_EVENT_CHARS,
  wanted: ((eventBytes: Uint8Array) => boolean) | null = isTurnEventWanted,
): SseScanner {
  const lines = createSseLines(onEventData, maxEventChars);
  const decoder = new TextDecoder('utf-8');
  const maxEventBytes = maxEventChars * MAX_BYTES_PER_CHAR + 2;
  // The event being read: its bytes so far (views on the chunks, not copies) unless it is over the bound.
  let parts: Uint8Array[] = [];
  let eventBytes = 0;
  // The line being read: how many bytes so far, and whether they are exactly "\r" (a blank line with CRLF).
  let lineBytes = 0;
  let lineIsCr = false;

  function closeEvent(): void {
    if (eventBytes <= maxEventBytes) {
      const bytes = joined(parts, eventBytes);
      if (wanted === null || wanted(bytes)) lines.pushText(decoder.decode(bytes));
    }
    parts = [];
    eventBytes = 0;
  }

  function take(piece: Uint8Array): void {
    eventBytes += piece.length;
    if (eventBytes <= maxEventBytes) pushItem(parts, piece);
    else parts = [];
  }

  function push(chunk: Uint8Array): void {
    let eventStart = 0;
    let lineStart = 0;
    for (let newline = chunk.indexOf(LF); newline !== -1; newline = chunk.indexOf(LF, lineStart)) {
      const length = lineBytes + newline - lineStart;
      const blank = length === 0 || (length === 1 && (lineBytes === 1 ? lineIsCr : chunk[lineStart] === CR));
      lineBytes = 0;
      lineStart = newline + 1;
      if (!blank) continue;
      take(chunk.subarray(eventStart, lineStart));
      closeEvent();
      eventStart = lineStart;
    }
    if (lineStart < chunk.length) {
      lineIsCr = lineBytes === 0 && chunk.length - lineStart === 1 && chunk[lineStart] === CR;
      lineBytes += chunk.length - lineStart;
    }
    if (eventStart < chunk.length) take(chunk.subarray(eventStart));
  }

  return {
    push,
    pushText: lines.pushText,
    end() {
      if (eventBytes > 0) closeEvent();
      lines.end();
    },
  };
}
