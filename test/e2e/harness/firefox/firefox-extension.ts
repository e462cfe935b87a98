import type { Browser, Page } from 'puppeteer-core';
import type WebExtension from 'webextension-polyfill';
import type { Badge, ExtensionHandle, StorageArea } from '../extension-handle';
import type { TabDriver } from '../tab-driver';
import { joinStorage } from '../../../../lib/extension/split-storage';
import { startWriteLogInExtension, takeWriteLogInExtension, type WriteLog } from '../storage-writes';
import { puppeteerTab } from './puppeteer-tab';
import type { FirefoxExtensionErrors } from './firefox-extension-errors';
import { EXTENSION_ORIGIN } from './firefox-prefs';
import { readChipInExtension, registeredScriptsInExtension, type ChipSeen } from '../page-chip-reader';

/**
 * The loaded extension in Firefox. Its badge and storage are read through its own `browser` API
 * in one of its pages (popup.html, open in a tab of its own for the whole session): WebDriver
 * BiDi cannot reach the background page.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The global of an extension page, for code that runs there. */
type ExtensionPageGlobal = typeof globalThis & { browser: WebExtension.Browser };

/**
 * Opens an extension page. Firefox 153 may never report the load of a moz-extension:// navigation
 * to WebDriver (docs/testing.md), so the navigation is not awaited: the page is polled until its
 * document is there.
 */
export async function openExtensionPage(browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${file}`;
  page.goto(url).catch(() => undefined);
  const started = Date.now();
  for (;;) {
    const at = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
    if (at === url) return page;
    if (Date.now() - started > 15_000) throw new Error(`${url} did not load`);
    await sleep(100);
  }
}

export class FirefoxExtension implements ExtensionHandle {
  readonly origin = EXTENSION_ORIGIN;

  constructor(
    private readonly browser: Browser,
    /** An extension page kept open, where `browser.*` is in scope. */
    private readonly probe: Page,
    readonly errors: FirefoxExtensionErrors,
  ) {}

  static async attach(browser: Browser, errors: FirefoxExtensionErrors): Promise<FirefoxExtension> {
    const probe = await openExtensionPage(browser, 'popup.html');
    errors.watch(probe);
    return new FirefoxExtension(browser, probe, errors);
  }

  badge(): Promise<Badge> {
    return this.probe.evaluate(async () => {
      // MV2 has browserAction, MV3 action (the extension's badge-painter.ts picks the same way).
      const { action: mv3Action, browserAction } = (globalThis as ExtensionPageGlobal).browser;
      const action = mv3Action ?? browserAction;
      return {
        text: await action.getBadgeText({}),
        color: (await action.getBadgeBackgroundColor({})) as [number, number, number, number],
        title: await action.getTitle({}),
      };
    });
  }

  async storage(area: StorageArea = 'local'): Promise<Record<string, unknown>> {
    return joinStorage(await this.probe.evaluate((name) => (globalThis as ExtensionPageGlobal).browser.storage[name].get(null), area));
  }

  async logWrites(): Promise<() => Promise<WriteLog>> {
    await this.probe.evaluate(startWriteLogInExtension);
    return () => this.probe.evaluate(takeWriteLogInExtension);
  }

  pageChip(): Promise<ChipSeen | null> {
    return this.probe.evaluate(readChipInExtension);
  }

  registeredScripts(): Promise<string[]> {
    return this.probe.evaluate(registeredScriptsInExtension);
  }

  async writeStorage(items: Record<string, unknown>): Promise<void> {
    await this.probe.evaluate((values) => (globalThis as ExtensionPageGlobal).browser.storage.local.set(values), items);
  }

  async popupTab(): Promise<TabDriver> {
    const popup = await openExtensionPage(this.browser, 'popup.html');
    this.errors.watch(popup);
    return puppeteerTab(popup);
  }
}
