import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserUnderTest, OpenBrowser } from '../harness/browser-under-test';
import { ReplicaTab, type PageRequest } from '../harness/replica-tab';
import { runStep } from '../harness/scenario-runner';
import { json, stream } from '../replica/answers';
import type { ReplicaServer } from '../replica/replica-server';
import { quotaJson } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';
import { turnStream } from '../scenarios/turn-streams';

/**
 * Promise 3: the page cannot tell. Two browsers, one without the extension and one with it, get
 * the same answers, turn by turn in alternation (so that load on the machine hits both alike),
 * after one warm-up turn each. The page must read the very bytes the server sent, in both, at the
 * same pace: the timing check is a sanity bound on medians (50 ms), not a benchmark; it catches a
 * wrapper that holds a stream back.
 */

// Nine turns a side: a median of five moved by 60 ms either way on a loaded 2-core machine.
const MEASURED_TURNS = 9;
// Long enough that a stream held back, or a slow first read, would show.
const FIRST_CHUNK_AFTER_MS = 120;
const TIMING_BOUND_MS = 50;

/**
 * How much later (`slower`) or earlier (`faster`) the median with the extension may be than without
 * it, per point of the stream; a browser may allow more (see its spec).
 */
export type TimingBounds = Record<'firstChunkAt' | 'lastChunkAt', { slower: number; faster: number }>;

// A wrapper can hold a stream back but cannot make the page read it sooner: "earlier with the
// extension" is machine noise (seen at -61 ms under load), so that side only guards the measurement.
const SAME_PACE = { slower: TIMING_BOUND_MS, faster: 4 * TIMING_BOUND_MS };

interface Side {
  browser: OpenBrowser;
  tab: ReplicaTab<unknown>;
  requests: PageRequest[];
}

function openStep(now: number): Step {
  return {
    do: 'open',
    answers: { init: [json(JSON.parse(quotaJson({ limits: { image_gen: { remaining: 90 } } }, now)))] },
    badge: { text: '90', status: 'normal' },
    rule: 'open',
  };
}

function turnStep(now: number): Step {
  return {
    do: 'send',
    answers: {
      conversation: [
        stream(turnStream(quotaJson({ limits: { image_gen: { remaining: 89 } } }, now)), { firstChunkAfterMs: FIRST_CHUNK_AFTER_MS }),
      ],
    },
    badge: { text: '89', status: 'normal' },
    rule: 'turn',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Milliseconds from the fetch call to the first or last chunk the page read, measured turns only. */
function streamTimings(side: Side, point: 'firstChunkAt' | 'lastChunkAt'): number[] {
  return side.requests
    .filter((request) => request.path === '/backend-api/f/conversation')
    .slice(1)
    .map((request) => (request[point] ?? Number.NaN) - request.startedAt);
}

export function describePageInvisibility(
  target: BrowserUnderTest,
  bounds: TimingBounds = { firstChunkAt: SAME_PACE, lastChunkAt: SAME_PACE },
): void {
  describe(`the page cannot tell the extension is there, in ${target.name}`, () => {
    let replica: ReplicaServer;
    const sides: Record<'without' | 'with', Side> = {} as Record<'without' | 'with', Side>;

    beforeAll(async () => {
      replica = await target.startReplica();
      const now = Date.now();
      for (const [name, withExtension] of [
        ['without', false],
        ['with', true],
      ] as const) {
        const browser = await target.launch(replica, { withExtension });
        sides[name] = { browser, tab: ReplicaTab.on(await browser.newTab()), requests: [] };
      }
      const both = [sides.without, sides.with];
      for (const side of both) await runStep(openStep(now), side.tab, replica, side.browser.extension);
      for (let turn = 0; turn <= MEASURED_TURNS; turn++) {
        for (const side of both) await runStep(turnStep(now), side.tab, replica, side.browser.extension);
      }
      for (const side of both) side.requests = await side.tab.allRequests();
    }, 120_000);
    afterAll(async () => {
      await Promise.all(Object.values(sides).map((side) => side.browser.close()));
      await replica?.close();
    });

    it.each(['without', 'with'] as const)('%s the extension, the page read exactly the bytes the server sent', (name) => {
      const sent = new Map(replica.received.map((request) => [request.pageRequestId, request]));
      const { requests } = sides[name];
      expect(requests).toHaveLength(2 + MEASURED_TURNS + 1);
      for (const request of requests) {
        expect(request.error, request.path).toBeNull();
        expect({ sha256: request.sha256, bytes: request.bytes }, request.path).toEqual({
          sha256: sent.get(request.id)?.sentSha256,
          bytes: sent.get(request.id)?.sentBytes,
        });
      }
    });

    it('the page read byte-identical bodies with and without the extension', () => {
      const bodies = (side: Side) => side.requests.map((request) => [request.method, request.path, request.status, request.sha256]);
      expect(bodies(sides.with)).toEqual(bodies(sides.without));
    });

    it.each(['firstChunkAt', 'lastChunkAt'] as const)('stream timing (%s): medians within the bound', (point) => {
      const [withMedian, withoutMedian] = [median(streamTimings(sides.with, point)), median(streamTimings(sides.without, point))];
      console.log(`${point}: median ${withMedian.toFixed(1)} ms with the extension, ${withoutMedian.toFixed(1)} ms without`);
      expect(withMedian - withoutMedian, 'later with the extension').toBeLessThan(bounds[point].slower);
      expect(withoutMedian - withMedian, 'earlier with the extension').toBeLessThan(bounds[point].faster);
      // The first chunk cannot arrive before the server sent it: the measurement measures something.
      expect(Math.min(...streamTimings(sides.with, 'firstChunkAt'))).toBeGreaterThanOrEqual(FIRST_CHUNK_AFTER_MS - 5);
    });

    it('fetch looks the same to the page (name, length, source text)', async () => {
      const identity = (side: Side) =>
        side.tab.evaluate(() => [window.fetch.name, String(window.fetch.length), window.fetch.toString()], undefined);
      expect(await identity(sides.with)).toEqual(await identity(sides.without));
    });

    it('no error was thrown into the page, none logged by the extension', () => {
      expect([...sides.without.tab.pageErrors, ...sides.with.tab.pageErrors]).toEqual([]);
      expect(sides.with.browser.extension?.errors.errors).toEqual([]);
    });
  });
}
