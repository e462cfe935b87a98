import type { BenchSide } from './bench-sides';
import { firstContentfulPaint } from './first-paint';
import { durationsOf } from './page-metrics';
import { takingTurns, type Partials } from './side-measures';
import { spreadOf } from './statistics';

/**
 * Page load: the bench page (a small chatgpt.com page: one paragraph, one script) loaded afresh
 * several times, reading the page's own navigation timing and paint timeline. DOMContentLoaded is
 * where the document_start scripts (the interceptor, the relay) show; first contentful paint adds
 * anything that delays rendering. Medians over the loads of one round.
 */

export interface PageLoad {
  domContentLoadedMs: number;
  firstPaintMs: number;
  /**
   * The tab's main thread since the navigation, read after the first paint: CPU, and of it running
   * and compiling scripts (page-metrics.ts).
   */
  cpuMs: number;
  scriptMs: number;
}

async function oneLoad(side: BenchSide): Promise<PageLoad> {
  await side.page.goto('https://chatgpt.com/');
  const firstPaintMs = await firstContentfulPaint(side.page);
  const domContentLoadedMs = await side.page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
  );
  // Chromium starts these counters afresh with each document: what they hold now is this load's.
  const spent = await durationsOf(side.cdp);
  return { domContentLoadedMs, firstPaintMs, cpuMs: spent.ThreadTime, scriptMs: spent.ScriptDuration + spent.V8CompileDuration };
}

function medians(runs: readonly PageLoad[]): PageLoad {
  const median = (pick: (run: PageLoad) => number) => spreadOf(runs.map(pick)).median;
  return {
    domContentLoadedMs: median((run) => run.domContentLoadedMs),
    firstPaintMs: median((run) => run.firstPaintMs),
    cpuMs: median((run) => run.cpuMs),
    scriptMs: median((run) => run.scriptMs),
  };
}

/**
 * `loads` fresh loads on each side and on the floor (the extension with empty content scripts),
 * taking turns; the medians of each side go into `partials`, the floor's are returned.
 */
export async function pageLoadRound(order: readonly BenchSide[], floor: BenchSide, loads: number, partials: Partials): Promise<PageLoad> {
  const runs = await takingTurns([...order, floor], loads, oneLoad);
  for (const name of ['without', 'with'] as const) {
    const side = medians(runs[name]);
    Object.assign(partials[name], {
      domContentLoadedMs: side.domContentLoadedMs,
      firstPaintMs: side.firstPaintMs,
      pageLoadCpuMs: side.cpuMs,
      pageLoadScriptMs: side.scriptMs,
    });
  }
  return medians(runs.floor);
}
