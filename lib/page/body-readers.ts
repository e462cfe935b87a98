import { byteLength, decodeUtf8, NativePromise, pageTimers, promiseThen, readerCancel, readerRead, streamReader } from './page-natives';
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
/** A turn stream with no byte for this long is given up (reasoning pauses are shorter; the page keeps its own). */
const STREAM_IDLE_MS = 5 * 60_000;

export interface StreamBounds {
  maxBytes: number;
  idleMs: number;
  timers: { setTimeout: (callback: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void };
}

export const DEFAULT_STREAM_BOUNDS: StreamBounds = { maxBytes: MAX_STREAM_BYTES, idleMs: STREAM_IDLE_MS, timers: pageTimers };

/** How a stream's reading ended. */
type StreamEnd = 'done' | 'ended' | 'too-large' | 'idle';

type Reader = ReadableStreamDefaultReader<Uint8Array>;
const IDLE = Symbol('idle');

function cancelQuietly(reader: Reader): void {
  try {
    promiseThen(readerCancel(reader), undefined, () => undefined);
  } catch {
    // Already released or errored: nothing left to cancel.
  }
}

/** The next chunk, or IDLE when none comes within `bounds.idleMs`. */
function readWithin(reader: Reader, bounds: StreamBounds): Promise<ReadableStreamReadResult<Uint8Array> | typeof IDLE> {
  return new NativePromise((resolve, reject) => {
    const timer = bounds.timers.setTimeout(() => resolve(IDLE), bounds.idleMs);
    promiseThen(
      readerRead(reader),
      (result: ReadableStreamReadResult<Uint8Array>) => {
        bounds.timers.clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        bounds.timers.clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('stream error'));
      },
    );
  });
}

/** The whole body as text, or null when it is over `maxBytes`. */
export async function readAll(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string | null> {
  const reader = streamReader(body);
  // Decoded as it comes (the decoder holds a character cut between chunks), so no list of chunks is kept.
  let text = '';
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await readerRead(reader);
      if (done) break;
      total += byteLength(value);
      if (total > maxBytes) return null;
      text += decodeUtf8(value, true);
    }
  } finally {
    cancelQuietly(reader);
  }
  return text + decodeUtf8(new Uint8Array(0), false);
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
  const reader = streamReader(body);
  let finished = false;
  let total = 0;
  const scanner = createSseScanner((data) => {
    if (data === '[DONE]') finished = true;
    else onEvent(data);
  }, maxEventChars);
  try {
    if (BENCH_STREAM === 'clone-only') return 'ended';
    for (;;) {
      const result = await readWithin(reader, bounds);
      if (result === IDLE) return 'idle';
      if (result.done) break;
      total += result.value.byteLength;
      if (total > bounds.maxBytes) return 'too-large';
      if (BENCH_STREAM !== 'read-only') scanner.push(result.value);
      // Nothing comes after [DONE]; stop holding the branch open.
      if (finished) return 'done';
    }
    scanner.end();
    return 'ended';
  } finally {
    cancelQuietly(reader);
  }
}
