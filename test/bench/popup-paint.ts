import type { ExtensionUnderTest } from '../e2e/harness/extension-under-test';

/**
 * How long the popup takes, from the start of its navigation, to show the counts. Opened in a tab
 * (headless Chromium has no toolbar to click), at the toolbar popup's size. An init script, which
 * runs before the popup's own code, watches the DOM for the expected count and the paint timeline:
 * the popup renders nothing until storage has answered, so its first contentful paint is the paint
 * that shows the counts. Both times count from navigation start (performance.now() = 0).
 */

export interface PopupPaint {
  /** The popup's script began (main.tsx sets the document's language first thing). */
  scriptStartMs: number;
  /** The count was in the DOM. */
  countInDomMs: number;
  /** First contentful paint: the counts on screen. */
  paintedMs: number;
}

interface PaintWindow {
  benchPopup: { scriptAt: number | null; countAt: number | null; paintAt: number | null };
}

/** `label` and `count`: the feature item that must show, as an English reader sees it. */
export async function measurePopupPaint(extension: ExtensionUnderTest, label: string, count: string): Promise<PopupPaint> {
  const page = await extension.context.newPage();
  try {
    await page.setViewportSize({ width: 380, height: 600 });
    await page.addInitScript(({ label, count }) => {
      const seen: PaintWindow['benchPopup'] = { scriptAt: null, countAt: null, paintAt: null };
      (window as unknown as PaintWindow).benchPopup = seen;
      new PerformanceObserver((list) => {
        const paint = list.getEntries().find((entry) => entry.name === 'first-contentful-paint');
        if (paint) seen.paintAt = paint.startTime;
      }).observe({ type: 'paint', buffered: true });
      const watcher = new MutationObserver((records) => {
        if (seen.scriptAt === null && records.some((record) => record.attributeName === 'lang')) seen.scriptAt = performance.now();
        const items = [...document.querySelectorAll('main li')].map((item) => item.textContent ?? '');
        if (!items.some((text) => text.includes(label) && text.includes(count))) return;
        seen.countAt = performance.now();
        watcher.disconnect();
      });
      watcher.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['lang'] });
    }, { label, count });
    await page.goto(`${extension.origin}/popup.html`);
    await page.waitForFunction(() => {
      const seen = (window as unknown as PaintWindow).benchPopup;
      return seen.countAt !== null && seen.paintAt !== null;
    }, undefined, { timeout: 10_000, polling: 20 });
    const paint = await page.evaluate(() => {
      const seen = (window as unknown as PaintWindow).benchPopup;
      return { scriptStartMs: seen.scriptAt ?? NaN, countInDomMs: seen.countAt ?? NaN, paintedMs: seen.paintAt ?? NaN };
    });
    // If something were painted before the counts, the first paint would no longer mark them.
    if (paint.paintedMs < paint.countInDomMs) throw new Error(`the popup painted (${paint.paintedMs} ms) before its counts were in the DOM (${paint.countInDomMs} ms)`);
    return paint;
  } finally {
    await page.close();
  }
}
