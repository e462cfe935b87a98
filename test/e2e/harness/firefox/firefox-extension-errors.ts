import type { Page } from 'puppeteer-core';
import type { ExtensionError } from '../extension-errors';
import { EXTENSION_ORIGIN } from './firefox-prefs';

/**
 * Errors the extension logs or throws in the Firefox tabs the suite opens: its pages (the popup)
 * and its content scripts on chatgpt.com, whose console messages carry the script's moz-extension
 * URL. WebDriver BiDi sees browsing contexts only, and the MV2 background page is not one: its
 * console is not watched here (the Chromium suite watches the service worker's).
 */
export class FirefoxExtensionErrors {
  readonly errors: ExtensionError[] = [];

  watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const fromExtension = (message.location().url ?? '').startsWith(EXTENSION_ORIGIN) || page.url().startsWith(EXTENSION_ORIGIN);
      if (fromExtension) this.errors.push({ where: page.url(), text: message.text() });
    });
    page.on('pageerror', (error: unknown) => {
      const text = error instanceof Error ? `${error.message} ${error.stack ?? ''}` : String(error);
      if (page.url().startsWith(EXTENSION_ORIGIN) || text.includes(EXTENSION_ORIGIN)) this.errors.push({ where: page.url(), text });
    });
  }
}
