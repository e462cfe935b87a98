import type { ExtensionUnderTest } from '../e2e/harness/extension-under-test';
import { badgeSeen, startBadgeWatch } from './badge-watch';
import { initBody } from './bench-bodies';
import type { BenchServer } from './bench-server';
import type { BenchSide } from './bench-sides';
import { clockOffset } from './clock-offset';
import { pageClock, readInit } from './page-calls';

/**
 * The badge as a witness: it shows image_gen's count by default, so a new count on it proves that
 * the extension took a given reading in, and the moment it appears gives the freshness figure.
 */

const BADGE_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Counts for image_gen, each different from the one before (and below 1000, which the badge shows
 * whole), from `first` to `last` and round again; two sequences of the run keep apart ranges.
 */
export function countSequence(first = 600, last = 999): () => number {
  let next = first;
  return () => {
    next = next >= last ? first : next + 1;
    return next;
  };
}

/** Proof that the extension took a reading in: its badge shows the reading's count. */
export async function badgeShows(extension: ExtensionUnderTest, count: number, what: string): Promise<void> {
  const started = Date.now();
  let shown = (await extension.badge()).text;
  while (shown !== String(count)) {
    if (Date.now() - started > BADGE_TIMEOUT_MS)
      throw new Error(`${what}: the badge never showed ${count} (it shows "${shown}"), so the extension did not read it`);
    await sleep(25);
    shown = (await extension.badge()).text;
  }
}

export interface Freshness {
  /** From the page having read the init response to the badge showing its count. */
  badgeAfterReadingMs: number;
  /** How far the two clocks could be off each other (sum of both offsets' uncertainties). */
  clockUncertaintyMs: number;
  /** The badge watch's resolution: the longest gap between two of its polls. */
  longestPollGapMs: number;
}

/** 5: the page reads a (real, small) init response; when does the badge show its count? */
export async function badgeAfterReading(
  side: BenchSide,
  extension: ExtensionUnderTest,
  server: BenchServer,
  count: number,
): Promise<Freshness> {
  const name = `init-${count}`;
  const body = Buffer.from(initBody(count));
  server.register(name, { kind: 'json', body });
  const worker = await extension.worker();
  await startBadgeWatch(worker, String(count), BADGE_TIMEOUT_MS);
  const read = await readInit(side, name, body.byteLength);
  const seen = await badgeSeen(worker);
  if (seen === null) throw new Error(`freshness: the badge never showed ${count}`);
  // Measured after, not during: the round trips would compete with the extension for the CPU.
  const pageOffset = await clockOffset(() => pageClock(side));
  const workerOffset = await clockOffset(() => worker.evaluate(() => performance.timeOrigin + performance.now()));
  return {
    badgeAfterReadingMs: seen.seenAt - workerOffset.offsetMs - (read.readAt - pageOffset.offsetMs),
    clockUncertaintyMs: pageOffset.uncertaintyMs + workerOffset.uncertaintyMs,
    longestPollGapMs: seen.longestGapMs,
  };
}
