import { DIAGNOSTICS_DELAY_MS } from '../../lib/channel/delayed-batch';
import { featureLabel } from '../../lib/core/feature-names';
import { englishTextOrNothing } from '../e2e/harness/english-catalogue';
import { badgeAfterReading, countSequence, type Freshness } from './badge-measures';
import type { BenchConfig } from './bench-config';
import type { BenchServer } from './bench-server';
import { loadBenchPage, type BenchSide, type SideName, type Sides } from './bench-sides';
import { pageLoadRound, type PageLoad } from './page-load';
import { FLOOR_POPUP_LABEL, FLOOR_POPUP_PAGE } from './popup-floor';
import { measureBarePaint, measurePopupPaint, type PopupPaint } from './popup-paint';
import {
  heapRound,
  initRound,
  smallFetchRound,
  timedStreamRound,
  wrapperRound,
  type Partials,
  type SideRound,
  type WrapperRound,
} from './side-measures';

/** Past the relay's diagnostics delay: time for the background to take what it then sends. */
const SETTLE_MS = 500;

/**
 * The measured rounds. Each round loads the bench page afresh on both sides (and so a fresh relay,
 * its rate limiter full), takes measures 1 to 3 on both sides taking turns (side-measures.ts), then
 * the same-page fetch comparison on each side (1), waits out the relay's diagnostics delay, then
 * takes 5 and 4 (the bare page, then the popup and its floor by turns) on the side with the extension.
 * Which side goes first alternates from round to round.
 * The first round is a warm-up: its figures are kept apart (the popup's first open is its cold one).
 */

export interface ExtensionRound extends Freshness {
  wrapper: WrapperRound;
  /**
   * The same comparison in the browser without the extension, where the page's fetch is the
   * browser's own: what a fetch from another frame costs by itself, the bias of the one above.
   */
  frameBias: WrapperRound;
  popup: PopupPaint;
  /** The popup's floor (popup-floor.ts), opened the same way, before or after the popup by turns. */
  popupFloor: PopupPaint;
  /** First contentful paint of a bare page of the same extension, opened the same way just before. */
  barePaintedMs: number;
}

export interface Rounds {
  without: SideRound[];
  with: SideRound[];
  extension: ExtensionRound[];
  warmUp: ExtensionRound | null;
  /** Page load with the same manifest's content scripts emptied, medians per round (floor-build.ts). */
  floor: PageLoad[];
  streamBytes: { large: number; small: number };
  initBytes: number;
}

export async function runRounds(config: BenchConfig, server: BenchServer, sides: Sides, onRound: (round: number) => void): Promise<Rounds> {
  const extension = sides.with.extension;
  if (extension === null) throw new Error('the side "with" has no extension');
  const nextCount = countSequence();
  const imageLabel = featureLabel('image_gen', englishTextOrNothing);
  const rounds: Rounds = {
    without: [],
    with: [],
    extension: [],
    warmUp: null,
    floor: [],
    streamBytes: { large: 0, small: 0 },
    initBytes: 0,
  };

  for (let round = 0; round <= config.rounds; round += 1) {
    onRound(round);
    const order: BenchSide[] = round % 2 === 0 ? [sides.without, sides.with] : [sides.with, sides.without];
    const partials: Partials = { without: {}, with: {} };
    const floor = await pageLoadRound(order, sides.floor, config.pageLoads, partials);
    for (const side of order) await loadBenchPage(side);
    await smallFetchRound(config, order, partials);
    // The page's fetch vs a frame's, on both sides (which goes first alternating with the round).
    const sameSide: Partial<Record<SideName, WrapperRound>> = {};
    for (const side of order) sameSide[side.name as SideName] = await wrapperRound(config, side);
    const { with: wrapper, without: frameBias } = sameSide as Record<SideName, WrapperRound>;
    await timedStreamRound(config, server, order, partials, nextCount);
    rounds.streamBytes = await heapRound(config, server, order, partials, nextCount);
    rounds.initBytes = await initRound(config, server, order, partials, nextCount);
    // The large init is over the read bound: its "body too large" goes to the background a while
    // after the page received it (lib/channel/delayed-batch.ts). Waited for here, so that the
    // background's work on it falls on no later measure (nor on the next round's page loads, where
    // leaving the page would send it).
    await new Promise((resolve) => setTimeout(resolve, DIAGNOSTICS_DELAY_MS + SETTLE_MS));

    const count = nextCount();
    const freshness = await badgeAfterReading(sides.with, extension, server, count);
    const barePaintedMs = await measureBarePaint(extension);
    // The popup first in even rounds, so the warm-up's popup open is the run's first (cold) one.
    const [popup, popupFloor] = await inTurns(
      round % 2 === 0,
      () => measurePopupPaint(extension, imageLabel, String(count)),
      () => measurePopupPaint(extension, FLOOR_POPUP_LABEL, String(count), FLOOR_POPUP_PAGE),
    );
    const extensionRound = { ...freshness, wrapper, frameBias, barePaintedMs, popup, popupFloor };
    if (round === 0) {
      rounds.warmUp = extensionRound;
      continue;
    }
    rounds.extension.push(extensionRound);
    rounds.floor.push(floor);
    rounds.without.push(partials.without as SideRound);
    rounds.with.push(partials.with as SideRound);
  }
  return rounds;
}

/** Both measures, one after the other, `a`'s first when `aFirst`; the answers in the order a, b. */
async function inTurns<A, B>(aFirst: boolean, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  if (aFirst) {
    const first = await a();
    return [first, await b()];
  }
  const first = await b();
  return [await a(), first];
}
