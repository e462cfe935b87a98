import type { BenchSide } from './bench-sides';

/**
 * The bench page's calls (page/bench-app.js), made from Node. Each one checks that it measured
 * what it was meant to: the whole body arrived, with status 200. A call that did not is an error,
 * never a figure.
 */

export interface PageRead {
  status: number;
  bytes: number;
  chunks: number;
  firstChunkMs: number | null;
  lastChunkMs: number | null;
  /** performance.timeOrigin + performance.now() in the page when the body was read to its end. */
  readAt: number;
}

export interface SmallFetches {
  totalMs: number;
  /** Per call: the time spent inside fetch() before it returned (performance.now() is coarsened to 0.1 ms or finer). */
  callMs: number[];
}

export interface ReadTimes {
  firstChunkMs: number;
  lastChunkMs: number;
  readAt: number;
}

interface BenchWindow {
  bench: {
    smallFetches(count: number, unwrapped: boolean): Promise<SmallFetches>;
    stream(name: string): Promise<PageRead>;
    init(name: string): Promise<PageRead>;
  };
}

function checked(read: PageRead, expectedBytes: number, what: string): ReadTimes {
  if (read.status !== 200 || read.bytes !== expectedBytes || read.firstChunkMs === null || read.lastChunkMs === null) {
    throw new Error(`${what}: the page read status ${read.status}, ${read.bytes} of ${expectedBytes} bytes`);
  }
  return { firstChunkMs: read.firstChunkMs, lastChunkMs: read.lastChunkMs, readAt: read.readAt };
}

/** `unwrapped`: through the browser's own fetch (from a blank frame), which the extension does not wrap. */
export function smallFetches(side: BenchSide, count: number, unwrapped = false): Promise<SmallFetches> {
  return side.page.evaluate(([n, native]) => (window as unknown as BenchWindow).bench.smallFetches(n, native), [count, unwrapped] as const);
}

export async function readStream(side: BenchSide, name: string, expectedBytes: number): Promise<ReadTimes> {
  const read = await side.page.evaluate((body) => (window as unknown as BenchWindow).bench.stream(body), name);
  return checked(read, expectedBytes, `stream ${name} (${side.name} the extension)`);
}

export async function readInit(side: BenchSide, name: string, expectedBytes: number): Promise<ReadTimes> {
  const read = await side.page.evaluate((body) => (window as unknown as BenchWindow).bench.init(body), name);
  return checked(read, expectedBytes, `init ${name} (${side.name} the extension)`);
}

/** The page's clock (performance.timeOrigin + performance.now()), for clock-offset.ts. */
export function pageClock(side: BenchSide): Promise<number> {
  return side.page.evaluate(() => performance.timeOrigin + performance.now());
}
