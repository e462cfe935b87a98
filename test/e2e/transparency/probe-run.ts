import type { ExtensionError } from '../harness/extension-errors';
import { launchBrowser } from '../harness/launch-browser';
import { settledBadge } from '../harness/scenario-runner';
import type { ProbeServer, ServedRequest } from './probe-server';

/**
 * One run of the probe page in a fresh Chromium, with or without the extension: what the page
 * recorded, what troubled it, what the server received and, with the extension, what it stored.
 *
 * The probes run in batches, one page load each: the relay lets a burst of 20 findings through and
 * then 2 a second (entrypoints/relay.ts), holding the rest, and the spec checks that every matched
 * probe was read at once, not the rate limiter (the hostile specs do that).
 */

export const PROBE_PAGE = 'https://chatgpt.com/t/probes';
const BATCH_SIZE = 8;

export interface SideRun {
  record: Record<string, unknown>;
  /** Uncaught errors and unhandled rejections the page's own listeners saw. */
  pageTrouble: string[];
  /** Uncaught errors Playwright saw in the page. */
  pageErrors: string[];
  /** Console errors of the page (Chromium logs failed loads there), sorted. */
  consoleErrors: string[];
  served: ServedRequest[];
  storage: Record<string, unknown> | null;
  extensionErrors: ExtensionError[];
  /** The extension's id, when it ran: the page must never see it. */
  extensionId: string | null;
}

interface ProbeWindow {
  transparency: { runProbes(names: string[]): Promise<Record<string, unknown>>; probeNames: string[] };
  pageTrouble: string[];
}

function batchesOf<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** The probe names of the page itself, read from a page (so the spec can compare them with its table). */
export async function runSide(server: ProbeServer, withExtension: boolean): Promise<SideRun & { probeNames: string[] }> {
  const browser = await launchBrowser({ replicaPort: server.port, withExtension });
  try {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    server.clearLog();
    await page.goto(PROBE_PAGE);
    const probeNames = await page.evaluate(() => (window as unknown as ProbeWindow).transparency.probeNames);
    const record: Record<string, unknown> = {};
    const pageTrouble: string[] = [];
    for (const [index, batch] of batchesOf(probeNames, BATCH_SIZE).entries()) {
      if (index > 0) await page.goto(PROBE_PAGE);
      Object.assign(record, await page.evaluate((names) => (window as unknown as ProbeWindow).transparency.runProbes(names), batch));
      // Late rejections (a body errored after the page stopped reading) show up a moment later.
      await page.waitForTimeout(100);
      pageTrouble.push(...(await page.evaluate(() => (window as unknown as ProbeWindow).pageTrouble)));
    }
    let storage: Record<string, unknown> | null = null;
    if (browser.extension) {
      await settledBadge(browser.extension);
      storage = await browser.extension.storage();
    }
    return {
      probeNames,
      record,
      pageTrouble,
      pageErrors,
      consoleErrors: consoleErrors.sort(),
      served: [...server.log],
      storage,
      extensionErrors: browser.extension?.errors.errors ?? [],
      extensionId: browser.extension?.id ?? null,
    };
  } finally {
    await browser.close();
  }
}
