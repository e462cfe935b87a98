import type { BrowserContext, Request } from 'playwright-core';

/**
 * Every request Playwright sees in a browser context: those of pages (content scripts included)
 * and of service workers. Chromium's own background calls (Google hosts) are not part of a
 * context and do not appear here.
 */
export interface SeenRequest {
  url: string;
  method: string;
  /** Who made it: the service worker's URL, or the URL of the page whose frame made it. */
  madeBy: string;
}

function madeBy(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return worker.url();
  try {
    return request.frame().url();
  } catch {
    // Requests of a worker or of a frame that is gone have no frame to ask.
    return 'unknown';
  }
}

/** Records from now on: what a worker did while Chromium started, before a context existed, is not seen. */
export function recordRequests(context: BrowserContext): SeenRequest[] {
  const seen: SeenRequest[] = [];
  context.on('request', (request) => seen.push({ url: request.url(), method: request.method(), madeBy: madeBy(request) }));
  return seen;
}
