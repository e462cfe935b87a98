import { featureLabel } from '../../lib/feature-names';
import { englishTextOrNothing } from '../e2e/harness/english-catalogue';
import type { ExtensionUnderTest } from '../e2e/harness/extension-under-test';
import { badgeSeen, startBadgeWatch } from './badge-watch';
import { initBody, largeInitBody, turnStream } from './bench-bodies';
import type { BenchConfig } from './bench-config';
import type { BenchServer } from './bench-server';
import { loadBenchPage, type BenchSide, type SideName } from './bench-sides';
import { clockOffset } from './clock-offset';
import { heapDuring } from './heap-sampler';
import { pageClock, readInit, readStream, smallFetches } from './page-calls';
import { measurePopupPaint, type PopupPaint } from './popup-paint';

/**
 * The measured rounds. In each round both browsers load the bench page afresh and then take each
 * measurement one after the other, the two sides back to back; which side goes first alternates
 * from round to round, so that a burst of load from the rest of the machine, or an order effect,
 * falls on both alike. The first round is a warm-up and is kept apart.
 */

export interface SideRound {
  smallFetchesMs: number;
  streamFirstChunkMs: number;
  streamLastChunkMs: number;
  heapLargeGrowth: number;
  heapSmallGrowth: number;
  backingLargeGrowth: number;
  heapSampleEveryMs: number;
  initReadMs: number;
}

export interface ExtensionRound {
  /** From the page having read the init response to the badge showing its count. */
  badgeAfterReadingMs: number;
  /** How far the two clocks could be off each other (sum of both offsets' uncertainties). */
  clockUncertaintyMs: number;
  longestPollGapMs: number;
  popup: PopupPaint;
}

export interface Rounds {
  without: SideRound[];
  with: SideRound[];
  extension: ExtensionRound[];
  /** The warm-up round's extension figures: the popup's first open is a cold one. */
  warmUp: ExtensionRound | null;
  streamBytes: { large: number; small: number };
  initBytes: number;
}

const BADGE_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts for image_gen, each new: the badge shows image_gen by default, so it tells which reading it shows. */
function countSequence(): () => number {
  let next = 600;
  return () => {
    next = next >= 999 ? 600 : next + 1;
    return next;
  };
}

/** Proof that the extension took a reading in: its badge shows the reading's count. */
async function badgeShows(extension: ExtensionUnderTest, count: number, what: string): Promise<void> {
  const started = Date.now();
  while ((await extension.badge()).text !== String(count)) {
    if (Date.now() - started > BADGE_TIMEOUT_MS) throw new Error(`${what}: the extension's badge never showed ${count}; it did not read the reading`);
    await sleep(25);
  }
}

async function badgeAfterReading(side: BenchSide, extension: ExtensionUnderTest, server: BenchServer, count: number) {
  const name = `init-${count}`;
  const body = Buffer.from(initBody(count));
  server.register(name, { kind: 'json', body });
  const worker = await extension.worker();
  await startBadgeWatch(worker, String(count), BADGE_TIMEOUT_MS);
  const read = await readInit(side, name, body.byteLength);
  const seen = await badgeSeen(worker);
  if (seen === null) throw new Error(`freshness: the badge never showed ${count}`);
  const pageOffset = await clockOffset(() => pageClock(side));
  const workerOffset = await clockOffset(() => worker.evaluate(() => performance.timeOrigin + performance.now()));
  return {
    badgeAfterReadingMs: seen.seenAt - workerOffset.offsetMs - (read.readAt - pageOffset.offsetMs),
    clockUncertaintyMs: pageOffset.uncertaintyMs + workerOffset.uncertaintyMs,
    longestPollGapMs: seen.longestGapMs,
  };
}

export async function runRounds(config: BenchConfig, server: BenchServer, sides: Record<SideName, BenchSide>, onRound: (round: number) => void): Promise<Rounds> {
  const extension = sides.with.extension;
  if (extension === null) throw new Error('the side "with" has no extension');
  const nextCount = countSequence();
  const imageLabel = featureLabel('image_gen', englishTextOrNothing);
  const result: Rounds = { without: [], with: [], extension: [], warmUp: null, streamBytes: { large: 0, small: 0 }, initBytes: 0 };

  for (let round = 0; round <= config.rounds; round += 1) {
    onRound(round);
    const order: BenchSide[] = round % 2 === 0 ? [sides.without, sides.with] : [sides.with, sides.without];
    const partial: Record<SideName, Partial<SideRound>> = { without: {}, with: {} };
    for (const side of order) await loadBenchPage(side);

    for (const side of order) partial[side.name].smallFetchesMs = await smallFetches(side, config.smallFetches);

    const timedCount = nextCount();
    const timed = turnStream(timedCount, config.largeStream.events, config.largeStream.bytes);
    server.register('stream-timed', { kind: 'stream', events: timed.events });
    for (const side of order) {
      const read = await readStream(side, 'stream-timed', timed.bytes);
      partial[side.name].streamFirstChunkMs = read.firstChunkMs;
      partial[side.name].streamLastChunkMs = read.lastChunkMs;
      if (side.extension) await badgeShows(side.extension, timedCount, 'timed stream');
    }

    for (const size of ['large', 'small'] as const) {
      const streamCount = nextCount();
      const stream = size === 'large' ? turnStream(streamCount, config.largeStream.events, config.largeStream.bytes) : turnStream(streamCount, 0, 0);
      server.register(`stream-heap-${size}`, { kind: 'stream', events: stream.events });
      result.streamBytes[size] = stream.bytes;
      for (const side of order) {
        const heap = await heapDuring(side.cdp, () => readStream(side, `stream-heap-${size}`, stream.bytes));
        if (size === 'large') {
          partial[side.name].heapLargeGrowth = heap.growth;
          partial[side.name].backingLargeGrowth = heap.backingGrowth;
          partial[side.name].heapSampleEveryMs = heap.sampleEveryMs;
        } else {
          partial[side.name].heapSmallGrowth = heap.growth;
        }
        if (side.extension) await badgeShows(side.extension, streamCount, `${size} stream`);
      }
    }

    const init = largeInitBody(config.largeInit.bytes, nextCount());
    server.register('init-large', { kind: 'json', body: init });
    result.initBytes = init.byteLength;
    for (const side of order) partial[side.name].initReadMs = (await readInit(side, 'init-large', init.byteLength)).lastChunkMs;

    const count = nextCount();
    const freshness = await badgeAfterReading(sides.with, extension, server, count);
    const popup = await measurePopupPaint(extension, imageLabel, String(count));
    const extensionRound = { ...freshness, popup };
    if (round === 0) {
      result.warmUp = extensionRound;
      continue;
    }
    result.extension.push(extensionRound);
    result.without.push(partial.without as SideRound);
    result.with.push(partial.with as SideRound);
  }
  return result;
}
