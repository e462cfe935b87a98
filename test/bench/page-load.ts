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

/** `loads` fresh loads on each side, taking turns; the medians of each side. */
export async function pageLoadRound(order: readonly BenchSide[], loads: number, partials: Partials): Promise<void> {
  const runs = await takingTurns(order, loads, oneLoad);
  for (const name of ['without', 'with'] as const) {
    Object.assign(partials[name], {
      domContentLoadedMs: spreadOf(runs[name].map((run) => run.domContentLoadedMs)).median,
      firstPaintMs: spreadOf(runs[name].map((run) => run.firstPaintMs)).median,
      pageLoadCpuMs: spreadOf(runs[name].map((run) => run.cpuMs)).median,
      pageLoadScriptMs: spreadOf(runs[name].map((run) => run.scriptMs)).median,
    });
  }
}
