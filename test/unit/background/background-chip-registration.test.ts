import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../../lib/alerts/settings';
import { CHATGPT_MATCHES } from '../../../lib/channel/content-matches';
import { registeredScripts, restartBrowser, restartWorker, setRegistration, settle, startWorker, updateExtension } from './worker';

/**
 * The page chip's script is registered with the scripting API only while the settings have the
 * chip on (lib/extension/chip-registration.ts), in step with the settings the popup writes, and
 * brought in line again on install, update and start.
 */

const chip = (pageChip: boolean) => ({ ...defaultSettings(), pageChip });

async function writeSettings(pageChip: boolean): Promise<void> {
  await fakeBrowser.storage.local.set({ settings: chip(pageChip) });
  await settle();
}

/** What a page would be given: the registered scripts' files and pages. */
const injected = () =>
  registeredScripts().map(({ id, js, matches, runAt, persistAcrossSessions }) => ({ id, js, matches, runAt, persistAcrossSessions }));

const CHIP_REGISTERED = [
  { id: 'page-chip', js: ['page-chip.js'], matches: CHATGPT_MATCHES, runAt: 'document_idle' as const, persistAcrossSessions: true },
];

describe("the page chip's registration", () => {
  it('is absent after a fresh install: the chip is off by default', async () => {
    await startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(injected()).toEqual([]);
  });

  it('follows the settings: registered when turned on, gone when turned off, on again when on', async () => {
    await startWorker();
    await settle();
    await writeSettings(true);
    expect(injected()).toEqual(CHIP_REGISTERED);
    await writeSettings(false);
    expect(injected()).toEqual([]);
    await writeSettings(true);
    expect(injected()).toEqual(CHIP_REGISTERED);
  });

  it('registers once however often settings are written while it is on (no duplicate-id failure logged)', async () => {
    await startWorker();
    await settle();
    for (const threshold of [1, 2, 3])
      await fakeBrowser.storage.local.set({ settings: { ...chip(true), lowThresholds: { image_gen: threshold } } });
    await settle();
    expect(injected()).toEqual(CHIP_REGISTERED);
    expect((await fakeBrowser.storage.local.get('diagnostics')).diagnostics ?? []).toEqual([]);
  });

  it('on then off before the browser answered: the last word wins', async () => {
    await startWorker();
    await settle();
    void fakeBrowser.storage.local.set({ settings: chip(true) });
    void fakeBrowser.storage.local.set({ settings: chip(false) });
    await settle(20);
    expect(injected()).toEqual([]);
  });

  it('survives a browser restart and a worker restart with the chip on', async () => {
    await startWorker();
    await settle();
    await writeSettings(true);
    await restartBrowser();
    await settle();
    expect(injected()).toEqual(CHIP_REGISTERED);
    await restartWorker();
    await settle();
    expect(injected()).toEqual(CHIP_REGISTERED);
  });

  it('is made again on start when the browser lost it (a registration that did not persist)', async () => {
    await fakeBrowser.storage.local.set({ settings: chip(true) });
    await startWorker();
    await settle();
    expect(injected()).toEqual(CHIP_REGISTERED);
  });

  it('is removed on start when settings say off but the browser still holds one', async () => {
    await startWorker();
    setRegistration(CHIP_REGISTERED[0]!);
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(injected()).toEqual([]);
  });

  it("an update replaces an older version's registration that names other files or pages", async () => {
    await fakeBrowser.storage.local.set({ settings: chip(true) });
    await startWorker();
    await settle();
    setRegistration({ id: 'page-chip', js: ['content-scripts/page-chip.js'], matches: ['https://chatgpt.com/*'], runAt: 'document_idle' });
    await updateExtension();
    await settle();
    expect(injected()).toEqual(CHIP_REGISTERED);
  });

  it('leaves a registration that is already current untouched', async () => {
    await fakeBrowser.storage.local.set({ settings: chip(true) });
    await startWorker();
    await settle();
    const calls: string[] = [];
    const { registerContentScripts, unregisterContentScripts } = fakeBrowser.scripting;
    Object.assign(fakeBrowser.scripting, {
      registerContentScripts: (...args: Parameters<typeof registerContentScripts>) => (
        calls.push('register'),
        registerContentScripts(...args)
      ),
      unregisterContentScripts: (...args: Parameters<typeof unregisterContentScripts>) => (
        calls.push('unregister'),
        unregisterContentScripts(...args)
      ),
    });
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(calls).toEqual([]);
    expect(injected()).toEqual(CHIP_REGISTERED);
  });
});
