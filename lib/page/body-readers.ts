import {
  bufferOf,
  byobCancel,
  byobRead,
  byteLength,
  NativeUint8Array,
  pageTimers,
  promiseThen,
  readerCancel,
  readerRead,
  streamReader,
  utf8Decoder,
} from './page-natives';
import { createSseScanner } from './sse-scanner';

/**
 * Reading our clone of a matched response (its tee branch), bounded: a whole JSON body up to a
 * size, or a turn's event stream up to [DONE], a total size and a pause. Whatever ends the
 * reading (the end, a bound, an error, the page's abort), our branch is cancelled in `finally`.
 *
 * What the page's own cancellation does (docs/architecture.md, "A stream the page stops"): an
 * abort (AbortController, which ChatGPT's Stop is expected to use) errors both branches, so our
 * read ends at once. A page that cancels only its reader leaves our branch open: the source is
 * cancelled when both branches are, so the connection stays until [DONE], the byte cap or the
 * inactivity bound, whichever comes first.
 */

/** Far above a real turn (a long answer streams a few hundred KB); bounds what we can keep open and buffered. */
const MAX_STREAM_BYTES = 16 * 1024 * 1024;
/**
 * A turn stream that brings no byte for this long is given up (reasoning pauses are shorter; the
 * page keeps its own). One timer per stream, not one per read: a silence is seen between one and two
 * of these after the last byte.
 */
const STREAM_IDLE_MS = 5 * 60_000;

export interface StreamBounds {
  maxBytes: number;
  idleMs: number;
  timers: { setTimeout: (callback: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void };
}

export const DEFAULT_STREAM_BOUNDS: StreamBounds = { maxBytes: MAX_STREAM_BYTES, idleMs: STREAM_IDLE_MS, timers: pageTimers };

/** How a stream's reading ended. */
type StreamEnd = 'done' | 'ended' | 'too-large' | 'idle';

type ReadResult = ReadableStreamReadResult<Uint8Array>;
const NO_BYTES = new NativeUint8Array(0);

/** Our branch, read a chunk at a time; each chunk is valid only until the next read. */
interface Chunks {
  read(): Promise<ReadResult>;
  cancel(): Promise<void>;
}

/** The buffer a byte stream's chunks are read into, reused from read to read. */
const BYOB_BYTES = 64 * 1024;
// A record without a prototype: a getter a page planted on Object.prototype must not be called.
const BYOB = { __proto__: null, mode: 'byob' } as unknown as ReadableStreamGetReaderOptions;

/**
 * A fetch body in Chromium is a byte stream: our branch is then read into one buffer of ours
 * (a BYOB reader), which costs the page's thread about half what a new array per chunk does
 * (docs/performance.md, the stream). Any other stream is read with the default reader.
 */
function chunksOf(body: ReadableStream<Uint8Array>): Chunks {
  let reader: object;
  let view: Uint8Array | null = null;
  try {
    reader = streamReader(body, BYOB);
    view = new NativeUint8Array(BYOB_BYTES);
  } catch {
    reader = streamReader(body);
  }
  if (view === null) return { read: () => readerRead(reader), cancel: () => readerCancel(reader) };
  return {
    read: () =>
      promiseThen(
        byobRead(reader, view!),
        (result: ReadResult) => {
          // The buffer comes back with the bytes read (transferred): the next read fills it again.
          if (result.value) view = new NativeUint8Array(bufferOf(result.value));
          return result;
        },
        undefined,
      ) as Promise<ReadResult>,
    cancel: () => byobCancel(reader),
  };
}

function cancelQuietly(chunks: Chunks): void {
  try {
    promiseThen(chunks.cancel(), undefined, () => undefined);
  } catch {
    // Already released or errored: nothing left to cancel.
  }
}

/** The whole body as text, or null when it is over `maxBytes`. */
export async function readAll(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string | null> {
  const chunks = chunksOf(body);
  // Decoded as it comes (the decoder holds a character cut between chunks), so no list of chunks is kept.
  const decode = utf8Decoder();
  let text = '';
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await chunks.read();
      if (done) break;
      total += byteLength(value);
      if (total > maxBytes) return null;
      text += decode(value, true);
    }
  } finally {
    cancelQuietly(chunks);
  }
  return text + decode(NO_BYTES, false);
}

/**
 * Set only by the bench's stream-parts builds (test/bench/stream-parts.ts), which measure a turn's
 * cost in parts: `clone-only` cancels our branch at once (the tee alone), `read-only` reads it to its
 * end without scanning. Every other build has no such variable: the comparisons below are then
 * constant and the minifier removes them (npm run test:built weighs the shipped scripts).
 */
const BENCH_STREAM: string | undefined = import.meta.env?.WXT_BENCH_STREAM;

/** Hands each event's data to `onEvent` until [DONE] or a bound; says which. */
export async function scanEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (data: string) => void,
  maxEventChars: number,
  bounds: StreamBounds = DEFAULT_STREAM_BOUNDS,
): Promise<StreamEnd> {
  const chunks = chunksOf(body);
  const { timers, idleMs, maxBytes } = bounds;
  let finished = false;
  let total = 0;
  // Whether a byte came since the idle timer was last set, and whether it found none.
  let came = false;
  let idle = false;
  const watch = (): unknown =>
    timers.setTimeout(() => {
      if (!came) {
        idle = true;
        return cancelQuietly(chunks);
      }
      came = false;
      timer = watch();
    }, idleMs);
  let timer = watch();
  const scanner = createSseScanner((data) => {
    if (data === '[DONE]') finished = true;
    else onEvent(data);
  }, maxEventChars);
  try {
    if (BENCH_STREAM === 'clone-only') return 'ended';
    for (;;) {
      const result = await chunks.read();
      if (idle) return 'idle';
      if (result.done) break;
      came = true;
      total += byteLength(result.value);
      if (total > maxBytes) return 'too-large';
      if (BENCH_STREAM !== 'read-only') scanner.push(result.value);
      // Nothing comes after [DONE]; stop holding the branch open.
      if (finished) return 'done';
    }
    scanner.end();
    return 'ended';
  } finally {
    timers.clearTimeout(timer);
    cancelQuietly(chunks);
  }
}
