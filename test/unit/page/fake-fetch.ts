import { vi } from 'vitest';

/**
 * A stand-in for the page's fetch: it returns real Response objects whose bodies are real
 * ReadableStreams cut into odd chunks, and records how it was called.
 */

export const ODD_SIZES = [1, 7, 13, 64, 3, 250, 2];

/** A body that delivers `bytes` in chunks of the given sizes (cycled), one chunk per pull. */
export function chunkedBody(bytes: Uint8Array, sizes: number[] = ODD_SIZES): ReadableStream<Uint8Array> {
  let offset = 0;
  let turn = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const size = sizes[turn++ % sizes.length] ?? 1;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

export function sseResponse(bytes: Uint8Array, status = 200): Response {
  return new Response(chunkedBody(bytes), { status, headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
}

export function jsonResponse(text: string, status = 200): Response {
  return new Response(chunkedBody(new TextEncoder().encode(text)), { status, headers: { 'content-type': 'application/json' } });
}

export interface FetchCall {
  self: unknown;
  args: unknown[];
  result: unknown;
}

/** A fetch whose answer is given per call by `answer`; every call (and its `this`) is recorded. */
export function fakeFetch(answer: (input: unknown, init: unknown) => Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetch = vi.fn(function (this: unknown, ...args: unknown[]) {
    const result = answer(args[0], args[1]);
    calls.push({ self: this, args, result });
    return result;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

export async function readAllBytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

/** Lets the observer's own reading (a few promise turns and stream pulls) run to its end. */
export async function settle(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}
