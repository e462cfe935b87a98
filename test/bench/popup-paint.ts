import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ExtensionUnderTest } from '../e2e/harness/extension-under-test';
import { firstContentfulPaint } from './first-paint';
import { durationsBetween, durationsOf, type Duration } from './page-metrics';

/**
 * How long the popup takes, from the start of its navigation, to show the counts. Opened in a tab
 * (headless Chromium has no toolbar to click), at the toolbar popup's size. An init script, which
 * runs before the popup's own code, watches the DOM for the expected feature and count and the
 * paint timeline: the popup renders nothing until storage has answered, so its first contentful
 * paint is the paint that shows the counts. Times count from navigation start (performance.now() = 0).
 * Then the popup is loaded once more (a reload, in the same renderer) to read what its main thread
 * spent on one load, which the machine's load does not stretch.
 */

export interface PopupPaint {
  /** The popup's script began (main.tsx sets the document's language first thing). */
  scriptStartMs: number;
  /** Storage first answered the popup (its first frame's read). */
  storageAnsweredMs: number;
  /** The count was in the DOM. */
  countInDomMs: number;
  /** First contentful paint: the counts on screen. */
  paintedMs: number;
  /** Main-thread time of one (re)load, until the counts were painted: CPU, and task kinds. */
  reloadCpu: Record<Duration, number>;
}

interface PaintState {
  scriptAt: number | null;
  storageAt: number | null;
  countAt: number | null;
  paintAt: number | null;
  done: Promise<void>;
}

type PaintWindow = typeof window & { benchPopup: PaintState };

const TIMEOUT_MS = 10_000;
// Plain JS, injected as text: a function passed from here would carry the TS compiler's helpers.
const WATCH_SCRIPT = readFileSync(new URL('./page/popup-watch.js', import.meta.url), 'utf8');

/** Waits in the page (one call, no polling that would compete with the popup) for counts and paint. */
async function paintOf(page: Page, count: string): Promise<Omit<PopupPaint, 'reloadCpu'>> {
  const paint = await page.evaluate(async () => {
    const seen = (window as PaintWindow).benchPopup;
    await seen.done;
    return {
      scriptStartMs: seen.scriptAt ?? NaN,
      storageAnsweredMs: seen.storageAt ?? NaN,
      countInDomMs: seen.countAt ?? NaN,
      paintedMs: seen.paintAt ?? NaN,
    };
  });
  if (!Number.isFinite(paint.countInDomMs)) throw new Error(`${page.url()} did not show the count ${count} within ${TIMEOUT_MS} ms`);
  if (!Number.isFinite(paint.paintedMs)) throw new Error(`${page.url()} reported no first contentful paint`);
  // If something were painted before the counts, the first paint would no longer mark them.
  if (paint.paintedMs < paint.countInDomMs)
    throw new Error(`${page.url()} painted (${paint.paintedMs} ms) before its counts were in the DOM (${paint.countInDomMs} ms)`);
  return paint;
}

/**
 * `label` and `count`: the feature item that must show, as an English reader sees it. `file`: the
 * page opened, the popup or its floor (popup-floor.ts), which shows its count the same way.
 */
export async function measurePopupPaint(
  extension: ExtensionUnderTest,
  label: string,
  count: string,
  file = 'popup.html',
): Promise<PopupPaint> {
  const page = await extension.context.newPage();
  try {
    await page.setViewportSize({ width: 400, height: 600 });
    await page.addInitScript({
      content: `const benchExpected = ${JSON.stringify({ label, count, timeoutMs: TIMEOUT_MS })};\n${WATCH_SCRIPT}`,
    });
    await page.goto(`${extension.origin}/${file}`);
    const paint = await paintOf(page, count);
    const session = await extension.context.newCDPSession(page);
    await session.send('Performance.enable');
    const before = await durationsOf(session);
    await page.reload();
    await paintOf(page, count);
    const reloadCpu = durationsBetween(before, await durationsOf(session));
    await session.detach();
    return { ...paint, reloadCpu };
  } finally {
    await page.close();
  }
}

/**
 * The bench writes this page into its own build (never into the shipped one, run-bench.ts): one
 * paragraph and nothing else. Its first contentful paint, opened the same way as the popup (a new
 * tab of the same extension, the same size), is what the browser itself takes to show any page of
 * the extension; the popup's paint is compared with it.
 */
export const BARE_PAGE = 'bench-bare.html';
export const BARE_PAGE_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body><p>0</p></body></html>\n';

export async function measureBarePaint(extension: ExtensionUnderTest): Promise<number> {
  const page = await extension.context.newPage();
  try {
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`${extension.origin}/${BARE_PAGE}`);
    return await firstContentfulPaint(page);
  } finally {
    await page.close();
  }
}
