import { badgeShows } from './badge-measures';
import { largeInitBody, turnStream } from './bench-bodies';
import type { BenchConfig } from './bench-config';
import type { BenchServer } from './bench-server';
import { withCpu, type BenchSide, type SideName } from './bench-sides';
import { heapDuring } from './heap-sampler';
import { readInit, readStream, smallFetches, type SmallFetches } from './page-calls';
import { spreadOf } from './statistics';

/**
 * The measurements taken on both sides, one round's worth each. Within a round the two sides take
 * turns, and which goes first alternates (A B, B A, A B, ...): the machine's load changes from
 * second to second, and this way a change falls on both sides alike.
 */

export interface SideRound {
  /** Page load, medians of the round's loads (page-load.ts). */
  domContentLoadedMs: number;
  firstPaintMs: number;
  pageLoadCpuMs: number;
  pageLoadScriptMs: number;
  smallFetchesMs: number;
  /** Median time inside one fetch() call, ms. */
  fetchCallMs: number;
  streamFirstChunkMs: number;
  streamLastChunkMs: number;
  initReadMs: number;
  /** Main-thread CPU time over the same three, ms. */
  smallFetchesCpuMs: number;
  streamCpuMs: number;
  initCpuMs: number;
  /** Bytes; the heap runs are paced streams, sampled while they arrive. */
  heapLargeGrowth: number;
  heapLargeRetained: number;
  heapSmallGrowth: number;
  backingLargeGrowth: number;
  heapSamples: number;
}

export type Partials = Record<SideName, Partial<SideRound>>;

/** Heap runs pause 1 ms after every few events, so that the stream lasts long enough to be sampled often. */
const HEAP_RUN_PAUSED_EVERY = 4;

/** Runs `measure` `times` times on each side, taking turns, the first side alternating; results per side. */
export async function takingTurns<T>(
  order: readonly BenchSide[],
  times: number,
  measure: (side: BenchSide, pass: number) => Promise<T>,
): Promise<Record<BenchSide['name'], T[]>> {
  const results: Record<BenchSide['name'], T[]> = { without: [], with: [], floor: [], 'clone-only': [], 'read-only': [] };
  for (let pass = 0; pass < times; pass += 1) {
    for (const side of pass % 2 === 0 ? order : [...order].reverse()) results[side.name].push(await measure(side, pass));
  }
  return results;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const median = (values: readonly number[]) => spreadOf(values).median;

/** 1: the small fetches, in blocks taking turns; totals per side. */
export async function smallFetchRound(config: BenchConfig, order: readonly BenchSide[], partials: Partials): Promise<void> {
  const blocks = Math.ceil(config.smallFetches / config.smallFetchBlock);
  const runs = await takingTurns(order, blocks, (side) => withCpu(side, () => smallFetches(side, config.smallFetchBlock)));
  for (const name of ['without', 'with'] as const) {
    Object.assign(partials[name], {
      smallFetchesMs: sum(runs[name].map((run) => run.result.totalMs)),
      fetchCallMs: median(runs[name].flatMap((run) => run.result.callMs)),
      smallFetchesCpuMs: sum(runs[name].map((run) => run.cpuMs)),
    });
  }
}

export interface WrapperRound {
  /** The same small fetches through the page's (wrapped) fetch and the browser's own, same page. */
  wrappedMs: number;
  unwrappedMs: number;
  wrappedCallMs: number;
  unwrappedCallMs: number;
}

/**
 * 1, sharper: on the side with the extension only, the small fetches through the page's fetch
 * (the extension's wrapper) and through the browser's own fetch taken from a blank frame, in
 * blocks taking turns. Same page, same browser, same moment: only the wrapper differs.
 */
export async function wrapperRound(config: BenchConfig, side: BenchSide): Promise<WrapperRound> {
  const blocks = Math.ceil(config.smallFetches / config.smallFetchBlock);
  const runs: Record<'wrapped' | 'unwrapped', SmallFetches[]> = { wrapped: [], unwrapped: [] };
  for (let pass = 0; pass < blocks; pass += 1) {
    for (const unwrapped of pass % 2 === 0 ? [false, true] : [true, false]) {
      runs[unwrapped ? 'unwrapped' : 'wrapped'].push(await smallFetches(side, config.smallFetchBlock, unwrapped));
    }
  }
  return {
    wrappedMs: sum(runs.wrapped.map((run) => run.totalMs)),
    unwrappedMs: sum(runs.unwrapped.map((run) => run.totalMs)),
    wrappedCallMs: median(runs.wrapped.flatMap((run) => run.callMs)),
    unwrappedCallMs: median(runs.unwrapped.flatMap((run) => run.callMs)),
  };
}

/** 2: the large stream as fast as it comes, `repeats` times per side; medians per side. */
export async function timedStreamRound(
  config: BenchConfig,
  server: BenchServer,
  order: readonly BenchSide[],
  partials: Partials,
  nextCount: () => number,
): Promise<void> {
  // A new count for each pass, so that the badge proves the extension read that very stream.
  const passes = Array.from({ length: config.repeats }, () => {
    const count = nextCount();
    const stream = turnStream(count, config.largeStream.events, config.largeStream.bytes);
    server.register(`stream-timed-${count}`, { kind: 'stream', events: stream.events });
    return { count, bytes: stream.bytes };
  });
  const runs = await takingTurns(order, config.repeats, async (side, pass) => {
    const { count, bytes } = passes[pass] ?? { count: NaN, bytes: NaN };
    const { result, cpuMs } = await withCpu(side, () => readStream(side, `stream-timed-${count}`, bytes));
    if (side.extension) await badgeShows(side.extension, count, 'timed stream');
    return { ...result, cpuMs };
  });
  for (const name of ['without', 'with'] as const) {
    Object.assign(partials[name], {
      streamFirstChunkMs: median(runs[name].map((run) => run.firstChunkMs)),
      streamLastChunkMs: median(runs[name].map((run) => run.lastChunkMs)),
      streamCpuMs: median(runs[name].map((run) => run.cpuMs)),
    });
  }
}

/** 3: the large init response, `repeats` times per side; medians per side. Returns its size. */
export async function initRound(
  config: BenchConfig,
  server: BenchServer,
  order: readonly BenchSide[],
  partials: Partials,
  nextCount: () => number,
): Promise<number> {
  const init = largeInitBody(config.largeInit.bytes, nextCount());
  server.register('init-large', { kind: 'json', body: init });
  const runs = await takingTurns(order, config.repeats, (side) => withCpu(side, () => readInit(side, 'init-large', init.byteLength)));
  for (const name of ['without', 'with'] as const) {
    Object.assign(partials[name], {
      initReadMs: median(runs[name].map((run) => run.result.lastChunkMs)),
      initCpuMs: median(runs[name].map((run) => run.cpuMs)),
    });
  }
  return init.byteLength;
}

/** 2: the page's heap while a paced stream arrives, large then small (the real turn); returns their sizes. */
export async function heapRound(
  config: BenchConfig,
  server: BenchServer,
  order: readonly BenchSide[],
  partials: Partials,
  nextCount: () => number,
): Promise<{ large: number; small: number }> {
  const sizes = { large: 0, small: 0 };
  for (const size of ['large', 'small'] as const) {
    const count = nextCount();
    const stream = size === 'large' ? turnStream(count, config.largeStream.events, config.largeStream.bytes) : turnStream(count, 0, 0);
    server.register(`stream-heap-${count}`, { kind: 'stream', events: stream.events, pausedEvery: HEAP_RUN_PAUSED_EVERY });
    sizes[size] = stream.bytes;
    await takingTurns(order, 1, async (side) => {
      const heap = await heapDuring(side.cdp, () => readStream(side, `stream-heap-${count}`, stream.bytes));
      if (size === 'small') partials[side.name as SideName].heapSmallGrowth = heap.growth;
      else {
        Object.assign(partials[side.name as SideName], {
          heapLargeGrowth: heap.growth,
          heapLargeRetained: heap.retained,
          backingLargeGrowth: heap.backingGrowth,
          heapSamples: heap.samples,
        });
      }
      if (side.extension) await badgeShows(side.extension, count, `${size} heap stream`);
    });
  }
  return sizes;
}
