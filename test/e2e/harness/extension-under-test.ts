import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import type { Badge, ExtensionHandle, StorageArea } from './extension-handle';
import type { ExtensionErrors } from './extension-errors';
import { joinStorage } from '../../../lib/extension/split-storage';
import { startWriteLogInExtension, takeWriteLogInExtension, type WriteLog } from './storage-writes';
import { playwrightTab, type TabDriver } from './tab-driver';
import { readChipInExtension, registeredScriptsInExtension, type ChipSeen } from './page-chip-reader';

export type { Badge } from './extension-handle';

/**
 * The loaded extension, as the specs see it: its badge, its storage, its service worker and its
 * popup. Everything is read through the extension's own APIs (chrome.action, chrome.storage), in
 * its service worker or in one of its pages.
 */

/** Anything with chrome.* in scope: the service worker or an extension page. */
interface ExtensionScope {
  evaluate<R, Arg>(pageFunction: (arg: Arg) => R | Promise<R>, arg: Arg): Promise<R>;
}

/** The global of the service worker and of extension pages, for code that runs there. */
export type ExtensionGlobal = typeof globalThis & { chrome: WxtBrowser };

function readBadgeIn(scope: ExtensionScope): Promise<Badge> {
  return scope.evaluate(async () => {
    const { action } = (globalThis as ExtensionGlobal).chrome;
    return {
      text: await action.getBadgeText({}),
      color: (await action.getBadgeBackgroundColor({})) as [number, number, number, number],
      title: await action.getTitle({}),
    };
  }, undefined);
}

export class ExtensionUnderTest implements ExtensionHandle {
  constructor(
    readonly context: BrowserContext,
    readonly controlPage: Page,
    readonly id: string,
    readonly errors: ExtensionErrors,
  ) {}

  get origin(): string {
    return `chrome-extension://${this.id}`;
  }

  /** The running service worker; waits for one if it is stopped and about to start. */
  async worker(timeout = 10_000): Promise<Worker> {
    const running = this.context.serviceWorkers().find((worker) => worker.url().startsWith(this.origin));
    return running ?? this.context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(this.origin), timeout });
  }

  /** Badge text, colour and tooltip, read in the service worker (or in `page`, an extension page). */
  async badge(page?: Page): Promise<Badge> {
    return readBadgeIn(page ?? (await this.worker()));
  }

  async storage(area: StorageArea = 'local'): Promise<Record<string, unknown>> {
    const worker = await this.worker();
    return joinStorage(await worker.evaluate((name) => (globalThis as ExtensionGlobal).chrome.storage[name].get(null), area));
  }

  async logWrites(): Promise<() => Promise<WriteLog>> {
    const worker = await this.worker();
    await worker.evaluate(startWriteLogInExtension);
    return () => worker.evaluate(takeWriteLogInExtension);
  }

  async pageChip(): Promise<ChipSeen | null> {
    return (await this.worker()).evaluate(readChipInExtension);
  }

  async registeredScripts(): Promise<string[]> {
    return (await this.worker()).evaluate(registeredScriptsInExtension);
  }

  /** Writes storage directly, for specs that start from a given state. */
  async writeStorage(items: Record<string, unknown>): Promise<void> {
    const worker = await this.worker();
    await worker.evaluate((values) => (globalThis as ExtensionGlobal).chrome.storage.local.set(values), items);
  }

  /**
   * Stops the service worker as Chromium does when it is idle. A CDP session of an ordinary page
   * can call ServiceWorker.stopAllWorkers, which also reaches extension workers (Chromium 156);
   * the replica serves no worker of its own, so ours is the only one stopped.
   */
  async stopWorker(): Promise<void> {
    const session = await this.context.newCDPSession(this.controlPage);
    const stopped = new Promise<void>((resolve) => {
      session.on('ServiceWorker.workerVersionUpdated', (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        const ours = event.versions.filter((version) => version.scriptURL.startsWith(this.origin));
        if (ours.length > 0 && ours.every((version) => version.runningStatus === 'stopped')) resolve();
      });
    });
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await session.detach();
  }

  /** Opens the popup's page in a tab, as the toolbar button would show it. */
  async openPopup(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
    await page.goto(`${this.origin}/popup.html`);
    return page;
  }

  async popupTab(): Promise<TabDriver> {
    return playwrightTab(await this.openPopup());
  }
}
