import type { Page } from 'playwright-core';

/** The page's first contentful paint, from its navigation start (ms); waits for it if it has not happened yet. */
export function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntries().find((candidate) => candidate.name === 'first-contentful-paint');
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}
