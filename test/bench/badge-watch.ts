import type { Worker } from 'playwright-core';
import type { ExtensionGlobal } from '../e2e/harness/extension-under-test';

/**
 * When the badge starts to show a text, seen from inside the extension's service worker: a loop
 * there asks chrome.action.getBadgeText back to back (each answer comes from the browser process,
 * where the badge lives) and notes the time of the first answer with the expected text. The badge
 * changed between the previous answer and that one, so the gap between polls is the resolution;
 * the longest gap is reported with each reading. The loop runs only while a reading is awaited.
 */

export interface BadgeSeen {
  /** performance.timeOrigin + performance.now() in the worker when the text was first seen. */
  seenAt: number;
  polls: number;
  /** Longest time between two answers: the badge changed at most this long before seenAt. */
  longestGapMs: number;
}

type WatchGlobal = ExtensionGlobal & { benchBadgeWatch?: Promise<BadgeSeen | null> };

/** Starts watching; resolves once the loop has its first answer (so a change after this is seen). */
export async function startBadgeWatch(worker: Worker, expected: string, timeoutMs: number): Promise<void> {
  await worker.evaluate(
    async ({ text, timeout }) => {
      const scope = globalThis as WatchGlobal;
      const { action } = scope.chrome;
      const first = await action.getBadgeText({});
      if (first === text) throw new Error(`the badge already shows ${text}`);
      scope.benchBadgeWatch = (async () => {
        const started = performance.now();
        let last = started;
        let longestGapMs = 0;
        let polls = 0;
        for (;;) {
          const shown = await action.getBadgeText({});
          const now = performance.now();
          polls += 1;
          longestGapMs = Math.max(longestGapMs, now - last);
          last = now;
          if (shown === text) return { seenAt: performance.timeOrigin + now, polls, longestGapMs };
          if (now - started > timeout) return null;
        }
      })();
    },
    { text: expected, timeout: timeoutMs },
  );
}

export async function badgeSeen(worker: Worker): Promise<BadgeSeen | null> {
  return worker.evaluate(() => (globalThis as WatchGlobal).benchBadgeWatch ?? null, undefined);
}
