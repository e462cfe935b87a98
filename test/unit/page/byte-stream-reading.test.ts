import { describe, expect, it } from 'vitest';
import { readAll, scanEvents, type StreamBounds } from '../../../lib/page/body-readers';
import { fixtureBytes, streamFixtures } from '../fixtures';
import { chunksAt, randomOffsets } from '../core/stream-readings';

/**
 * A fetch body in Chromium is a byte stream, and our branch of it is then read into one buffer of
 * ours, refilled by every read (lib/page/body-readers.ts). Whatever the chunks, the events and text
 * read that way are the ones a default reader gets; and the reading still cancels its branch.
 */

const encode = (text: string) => new TextEncoder().encode(text);
const quiet: StreamBounds = { maxBytes: 16 * 1024 * 1024, idleMs: 60_000, timers: { setTimeout: () => 0, clearTimeout: () => undefined } };

/** A byte stream that gives `chunks` one pull at a time; says whether a reader asked for a buffer of its own, and whether it was cancelled. */
function byteStream(cut: readonly Uint8Array[]) {
  // A byte stream takes no empty chunk (a cut at the same offset twice makes one).
  const chunks = cut.filter((chunk) => chunk.length > 0);
  const seen = { byob: false, cancelled: false, pulls: 0 };
  let next = 0;
  const stream = new ReadableStream({
    type: 'bytes',
    pull(controller: ReadableByteStreamController) {
      seen.pulls += 1;
      if (controller.byobRequest) seen.byob = true;
      const chunk = chunks[next++];
      if (chunk === undefined) {
        controller.close();
        // A read into a buffer of the reader's is answered only by respond(), even at the end.
        return controller.byobRequest?.respond(0);
      }
      // A copy: enqueue transfers the chunk's buffer.
      controller.enqueue(chunk.slice());
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { seen, stream: stream as ReadableStream<Uint8Array> };
}

/** What the turn reader is handed from a default (not byte) stream of the whole body, and how the reading ended. */
async function scannedWhole(bytes: Uint8Array): Promise<{ end: string; events: string[] }> {
  const events: string[] = [];
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice());
      controller.close();
    },
  });
  const end = await scanEvents(stream, (data) => events.push(data), 512 * 1024, quiet);
  return { end, events };
}

describe.each(streamFixtures())('a turn read from a byte stream: %s/%s', (folder, name) => {
  const bytes = fixtureBytes(folder, name);

  it('gives the events a default reader gives, however the body is cut, through a buffer of ours', async () => {
    const expected = await scannedWhole(bytes);
    for (let round = 0; round < 40; round++) {
      const { seen, stream } = byteStream(chunksAt(bytes, randomOffsets(round + name.length, bytes.length, 1 + (round % 9))()));
      const events: string[] = [];
      const end = await scanEvents(stream, (data) => events.push(data), 512 * 1024, quiet);
      expect({ round, end, events }).toEqual({ round, ...expected });
      expect(seen.byob).toBe(true);
    }
  });
});

describe('a JSON body read from a byte stream', () => {
  const text = JSON.stringify({ limits_progress: [{ feature_name: 'image_gen', remaining: 7 }], note: '图像 😀 résumé'.repeat(5000) });
  const bytes = encode(text);

  it('comes back whole, characters cut between chunks included', async () => {
    for (const cuts of [[], [1], [3, 4, 5], randomOffsets(7, bytes.length, 40)()]) {
      const { seen, stream } = byteStream(chunksAt(bytes, cuts));
      expect(await readAll(stream, bytes.length)).toBe(text);
      expect(seen.byob).toBe(true);
    }
  });

  it('over its bound, is null and its branch cancelled', async () => {
    const { seen, stream } = byteStream(chunksAt(bytes, randomOffsets(11, bytes.length, 20)()));
    expect(await readAll(stream, 1000)).toBeNull();
    expect(seen.cancelled).toBe(true);
  });
});

describe('a turn stream from a byte stream, bounded', () => {
  it('stops at the byte cap and cancels its branch', async () => {
    const event = encode(`data: ${JSON.stringify({ v: 'x'.repeat(1000) })}\n\n`);
    const { seen, stream } = byteStream(Array.from({ length: 200 }, () => event));
    const events: string[] = [];
    expect(await scanEvents(stream, (data) => events.push(data), 512 * 1024, { ...quiet, maxBytes: 20 * event.length })).toBe('too-large');
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBeLessThan(40);
  });
});
