import { describe, expect, it } from 'vitest';
import { scanEvents, type StreamBounds } from '../../../lib/page/body-readers';
import { installFetchObserver } from '../../../lib/page/fetch-observer';
import type { PageFinding } from '../../../lib/page/page-message';
import { fakeFetch, settle } from './fake-fetch';

/**
 * A turn stream is read with a total byte cap and an inactivity bound, and our branch is
 * cancelled whatever ends the reading: a page that cancels its own reader must not leave the
 * connection downloading to the end because of us.
 */

const encoder = new TextEncoder();
const EVENT = encoder.encode(`data: ${JSON.stringify({ type: 'message', text: 'x'.repeat(1000) })}\n\n`);
// The scanner decodes only events that may carry a marker (lib/page/turn-markers.ts): this one does.
const QUOTA_EVENT = encoder.encode(`data: ${JSON.stringify({ type: 'conversation_detail_metadata', text: 'x'.repeat(1000) })}\n\n`);

/** An endless event stream (up to `limit` chunks) that records how much was pulled and whether it was cancelled. */
function endlessSource(limit = 2000, event = EVENT) {
  const source = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (source.pulled >= limit) return controller.close();
        source.pulled += 1;
        controller.enqueue(event);
      },
      cancel() {
        source.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { source, stream };
}

const manualTimers = () => {
  const pending: Array<() => void> = [];
  const timers: StreamBounds['timers'] = {
    setTimeout: (callback) => pending.push(callback),
    clearTimeout: () => undefined,
  };
  return { timers, fireAll: () => pending.splice(0).forEach((callback) => callback()) };
};

const bounds = (overrides: Partial<StreamBounds> = {}): StreamBounds => ({
  maxBytes: 20 * EVENT.byteLength,
  idleMs: 1000,
  timers: manualTimers().timers,
  ...overrides,
});

describe('scanEvents bounds', () => {
  it('stops at the byte cap and cancels the stream', async () => {
    const { source, stream } = endlessSource();
    expect(await scanEvents(stream, () => undefined, 512 * 1024, bounds())).toBe('too-large');
    expect(source.cancelled).toBe(true);
    expect(source.pulled).toBeLessThanOrEqual(22);
  });

  it('gives up a stream that goes quiet, and cancels it', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(EVENT);
      },
      cancel() {
        cancelled = true;
      },
    });
    const { timers, fireAll } = manualTimers();
    const reading = scanEvents(stream, () => undefined, 512 * 1024, bounds({ timers }));
    await settle();
    // The first period saw a byte; the second saw none.
    fireAll();
    await settle();
    expect(cancelled).toBe(false);
    fireAll();
    expect(await reading).toBe('idle');
    expect(cancelled).toBe(true);
  });

  it('keeps a stream that brings a byte in every period, with one timer at a time', async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (control) => void (controller = control) });
    const pending: Array<() => void> = [];
    let cleared = 0;
    const timers: StreamBounds['timers'] = { setTimeout: (callback) => pending.push(callback), clearTimeout: () => void cleared++ };
    const reading = scanEvents(stream, () => undefined, 512 * 1024, bounds({ timers }));
    for (let period = 0; period < 5; period++) {
      controller.enqueue(EVENT);
      await settle();
      expect(pending).toHaveLength(1);
      pending.shift()!();
    }
    controller.close();
    expect(await reading).toBe('ended');
    expect(cleared).toBe(1);
  });

  it('cancels the stream when reading an event throws', async () => {
    const { source, stream } = endlessSource(2000, QUOTA_EVENT);
    await expect(
      scanEvents(
        stream,
        () => {
          throw new Error('unreadable event');
        },
        512 * 1024,
        bounds(),
      ),
    ).rejects.toThrow('unreadable event');
    expect(source.cancelled).toBe(true);
  });
});

describe('a page that cancels its reader mid-stream', () => {
  it('the source is cancelled once our reading hits its cap, not read to the end', async () => {
    const { source, stream } = endlessSource();
    const { fetch } = fakeFetch(() => Promise.resolve(new Response(stream, { headers: { 'content-type': 'text/event-stream' } })));
    const scope = { fetch };
    const reports: PageFinding[] = [];
    const undo = installFetchObserver({
      scope,
      baseUrl: () => 'https://chatgpt.com/',
      report: (finding) => reports.push(finding),
      streamBounds: bounds(),
    });
    try {
      const response = await scope.fetch('/backend-api/f/conversation', { method: 'POST' });
      const reader = response.body!.getReader();
      await reader.read();
      await reader.cancel();
      for (let round = 0; round < 50 && !source.cancelled; round++) await settle();
      expect(source.cancelled).toBe(true);
      expect(source.pulled).toBeLessThan(100);
      expect(reports).toContainEqual({ kind: 'ignored', carrier: 'stream', reason: 'stream too large' });
    } finally {
      undo();
    }
  });
});
