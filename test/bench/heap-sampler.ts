import type { CDPSession } from 'playwright-core';

/**
 * The page's JS heap while something runs, through CDP (Runtime.getHeapUsage). The extension's
 * MAIN-world script and its isolated relay run in the page's V8 isolate, so their objects count in
 * the same heap as the page's: only a comparison with a browser without the extension tells them
 * apart. Samples are taken back to back (each is a round trip to the renderer, a few ms apart).
 * Array buffer contents (the network chunks) live outside the JS heap and are reported apart.
 */

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

export interface HeapDuring<T> {
  result: T;
  /** Heap used after a full GC, just before. */
  baseline: number;
  /** Highest heap used seen while it ran, and its growth over the baseline. */
  peak: number;
  growth: number;
  /** The same for array buffer contents (off the JS heap), when Chromium reports them. */
  backingGrowth: number;
  /** Heap used after a full GC, just after, over the baseline: what it kept. */
  retained: number;
  samples: number;
  /** Mean time between samples. */
  sampleEveryMs: number;
}

export async function heapDuring<T>(session: CDPSession, run: () => Promise<T>): Promise<HeapDuring<T>> {
  await session.send('HeapProfiler.collectGarbage');
  const before = (await session.send('Runtime.getHeapUsage')) as HeapUsage;
  let peak = before.usedSize;
  let backingPeak = before.backingStorageSize ?? 0;
  let samples = 0;
  let running = true;
  const started = performance.now();
  const sampling = (async () => {
    while (running) {
      const usage = (await session.send('Runtime.getHeapUsage')) as HeapUsage;
      peak = Math.max(peak, usage.usedSize);
      backingPeak = Math.max(backingPeak, usage.backingStorageSize ?? 0);
      samples += 1;
    }
  })();
  let result: T;
  try {
    result = await run();
  } finally {
    running = false;
    await sampling;
  }
  const sampleEveryMs = (performance.now() - started) / Math.max(1, samples);
  await session.send('HeapProfiler.collectGarbage');
  const after = (await session.send('Runtime.getHeapUsage')) as HeapUsage;
  return {
    result,
    baseline: before.usedSize,
    peak,
    growth: peak - before.usedSize,
    backingGrowth: backingPeak - (before.backingStorageSize ?? 0),
    retained: after.usedSize - before.usedSize,
    samples,
    sampleEveryMs,
  };
}
