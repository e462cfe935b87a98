import type { BrowserContext } from 'playwright-core';

/**
 * Makes the extension's pages answer `tag` to i18n.getUILanguage(), as a browser whose interface
 * is in that language does. Headless Chromium started with --lang picks the catalogue but still
 * answers en-US (docs/testing.md), so without this a German popup shows English dates and durations.
 * Applies to pages opened afterwards; web pages have no chrome.i18n and are left alone.
 */
export async function emulateUiLanguage(context: BrowserContext, tag: string): Promise<void> {
  await context.addInitScript((language) => {
    const extensionGlobal = globalThis as unknown as { chrome?: { i18n?: { getUILanguage: () => string } } };
    if (extensionGlobal.chrome?.i18n) extensionGlobal.chrome.i18n.getUILanguage = () => language;
  }, tag);
}
