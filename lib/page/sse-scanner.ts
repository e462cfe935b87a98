import { bufferOf, byteLength, byteOffset, bytesIndexOf, NativeUint8Array, push, setBytes, utf8Decoder } from './page-natives';
import { createSseLines } from './sse-lines';
import { isTurnEventWanted } from './turn-markers';

/**
 * An incremental scanner for text/event-stream bodies that keeps only the event being read.
 * Network chunks end anywhere, inside a line or inside a multi-byte character (protocol.md
 * section 4). A chunk is read only while `push` runs (what an event keeps of it is copied), so the
 * caller may fill the same buffer again (a BYOB reader, body-readers.ts). Bytes are cut into events at their blank lines without being decoded; an event is
 * decoded and split into lines (sse-lines.ts) only when `wanted` says its raw bytes may matter
 * (by default, to the turn reader: turn-markers.ts; `EVERY_EVENT` for all). Decoded text given to
 * `pushText` is read whole.
 * A 5 MiB turn is nearly all text deltas, which are passed over at the cost of a byte search.
 * An event larger than `maxEventChars` is skipped whole: memory stays bounded whatever the body
 * size. No zod and no browser API: this runs in the page and in the CLI, with the byte-array and
 * decoder built-ins taken at document_start (page-natives.ts): a page that patched
 * Uint8Array.prototype.indexOf or TextDecoder must not see its turns read.
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
  const bytes = new NativeUint8Array(length);
  let offset = 0;
  for (let index = 0; index < parts.length; index++) {
    setBytes(bytes, parts[index]!, offset);
    offset += byteLength(parts[index]!);
  }
  return bytes;
}

export function createSseScanner(
  onEventData: (data: string) => void,
  maxEventChars: number = DEFAULT_MAX_EVENT_CHARS,
  wanted: ((eventBytes: Uint8Array) => boolean) | null = isTurnEventWanted,
): SseScanner {
  const lines = createSseLines(onEventData, maxEventChars);
  const decode = utf8Decoder();
  const maxEventBytes = maxEventChars * MAX_BYTES_PER_CHAR + 2;
  // The event being read: its bytes so far (copies of earlier chunks' tails, a view on the chunk
  // being pushed) unless it is over the bound.
  let parts: Uint8Array[] = [];
  let eventBytes = 0;
  // The line being read: how many bytes so far, and whether they are exactly "\r" (a blank line with CRLF).
  let lineBytes = 0;
  let lineIsCr = false;

  function closeEvent(): void {
    if (eventBytes <= maxEventBytes) {
      const bytes = joined(parts, eventBytes);
      if (wanted === null || wanted(bytes)) lines.pushText(decode(bytes, false));
    }
    parts = [];
    eventBytes = 0;
  }

  /** `held`: the piece outlives this push (its event goes on in the next chunk), so it is copied. */
  function take(piece: Uint8Array, held: boolean): void {
    eventBytes += byteLength(piece);
    if (eventBytes <= maxEventBytes) push(parts, held ? new NativeUint8Array(piece) : piece);
    else parts = [];
  }

  function pushBytes(chunk: Uint8Array): void {
    const chunkBytes = byteLength(chunk);
    // A part of the chunk is a new view on its buffer, not subarray(): that looks up
    // chunk.constructor (its species), which a page can watch.
    const buffer = bufferOf(chunk);
    const base = byteOffset(chunk);
    const part = (start: number, end: number) => new NativeUint8Array(buffer, base + start, end - start);
    let eventStart = 0;
    let lineStart = 0;
    for (let newline = bytesIndexOf(chunk, LF); newline !== -1; newline = bytesIndexOf(chunk, LF, lineStart)) {
      const length = lineBytes + newline - lineStart;
      const blank = length === 0 || (length === 1 && (lineBytes === 1 ? lineIsCr : chunk[lineStart] === CR));
      lineBytes = 0;
      lineStart = newline + 1;
      if (!blank) continue;
      take(part(eventStart, lineStart), false);
      closeEvent();
      eventStart = lineStart;
    }
    if (lineStart < chunkBytes) {
      lineIsCr = lineBytes === 0 && chunkBytes - lineStart === 1 && chunk[lineStart] === CR;
      lineBytes += chunkBytes - lineStart;
    }
    if (eventStart < chunkBytes) take(part(eventStart, chunkBytes), true);
  }

  return {
    push: pushBytes,
    pushText: lines.pushText,
    end() {
      if (eventBytes > 0) closeEvent();
      lines.end();
    },
  };
}
