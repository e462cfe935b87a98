import type { Page } from 'playwright-core';

/**
 * Messages the forged-messages spec posts from a chatgpt.com page on its window. The builders are
 * self-contained (no imports, no outer names): they run inside the page, from their source text,
 * next to test/unit/hostile/hostile-envelopes.ts, whose cases the spec posts the same way.
 */

/** A reading of image_gen-like features for `account` (null: the default account), in the window channel's old envelope. */
export function forgedReading(features: Record<string, number>, resetsAt: number, account: string | null = null): unknown {
  return {
    channel: 'quota-meter:page',
    version: 1,
    account,
    kind: 'quota',
    carrier: 'init',
    quota: {
      type: 'conversation_detail_metadata',
      limits_progress: Object.entries(features).map(([name, remaining]) => ({
        feature_name: name,
        remaining,
        reset_after: new Date(resetsAt).toISOString(),
      })),
    },
  };
}

export interface PostOptions {
  /** `build` returns cases ({ envelope }): post the envelopes of these cases only. */
  cases?: number[];
  /** Call `build` once with each of these argument lists (instead of `args`), posting each result. */
  each?: unknown[][];
  /** One more message (JSON), posted last: the spec waits for it to be stored. */
  then?: unknown;
}

/**
 * Posts messages from the page with window.postMessage, as page code would. `build` is the source
 * of a self-contained function; `args` are its arguments (JSON). Returns how many were posted and
 * how long posting took; a message the browser cannot clone is the page's own error, counted apart.
 */
export function postFromPage(
  page: Page,
  build: (...args: never[]) => unknown,
  args: unknown[],
  options: PostOptions = {},
): Promise<{ posted: number; notCloneable: number; postingMs: number }> {
  return page.evaluate(`(() => {
    const build = ${build.toString()};
    const each = ${JSON.stringify(options.each ?? null)};
    const built = each === null ? build(...${JSON.stringify(args)}) : each.map((list) => build(...list));
    const cases = ${JSON.stringify(options.cases ?? null)};
    const messages = cases === null ? (Array.isArray(built) ? built : [built]) : cases.map((index) => built[index].envelope);
    const then = ${JSON.stringify(options.then ?? null)};
    if (then !== null) messages.push(then);
    let posted = 0;
    let notCloneable = 0;
    const started = performance.now();
    for (const message of messages) {
      try {
        window.postMessage(message, location.origin);
        posted += 1;
      } catch {
        notCloneable += 1;
      }
    }
    return { posted, notCloneable, postingMs: performance.now() - started };
  })()`);
}
