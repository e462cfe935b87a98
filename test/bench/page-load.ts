import type { BenchSide } from './bench-sides';
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
}

async function oneLoad(side: BenchSide): Promise<PageLoad> {
  await side.page.goto('https://chatgpt.com/');
  return side.page.evaluate(async () => {
    const paint = await new Promise<number>((resolve) => {
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntries().find((candidate) => candidate.name === 'first-contentful-paint');
        if (!entry) return;
        observer.disconnect();
        resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
    });
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { domContentLoadedMs: navigation.domContentLoadedEventStart, firstPaintMs: paint };
  });
}

/** `loads` fresh loads on each side, taking turns; the medians of each side. */
export async function pageLoadRound(order: readonly BenchSide[], loads: number, partials: Partials): Promise<void> {
  const runs = await takingTurns(order, loads, oneLoad);
  for (const name of ['without', 'with'] as const) {
    Object.assign(partials[name], {
      domContentLoadedMs: spreadOf(runs[name].map((run) => run.domContentLoadedMs)).median,
      firstPaintMs: spreadOf(runs[name].map((run) => run.firstPaintMs)).median,
    });
  }
}
