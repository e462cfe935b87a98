import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureLabel } from '../../../lib/core/feature-names';
import { startSessionIn, type BrowserUnderTest, type OpenBrowser } from '../harness/browser-under-test';
import { englishTextOrNothing } from '../harness/english-catalogue';
import type { ExtensionHandle } from '../harness/extension-handle';
import type { ChipSeen } from '../harness/page-chip-reader';
import { ReplicaTab } from '../harness/replica-tab';
import { runStep } from '../harness/scenario-runner';
import { expectBadge } from '../harness/expect-badge';
import { raw } from '../replica/answers';
import type { ReplicaServer } from '../replica/replica-server';
import { quotaJson } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';

/**
 * The page chip, registered at run time only while it is on (issue 24), in any browser: turned on
 * in the popup's settings (no reload of the extension), the next chatgpt.com page shows it; turned
 * off, new pages have none and nothing is registered; turned on, it is back after a browser restart
 * with the same profile. Its shadow root is closed (a page script reads null), and WXT's "newer
 * script started" event, forged by the page, leaves it on and following the readings (issue 23).
 */

const CHIP = 'quota-meter-chip';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const openWith = (remaining: number): Step => ({
  do: 'open',
  answers: { init: [raw(200, 'application/json', quotaJson({ limits: { image_gen: { remaining } } }, Date.now()))] },
  badge: { text: String(remaining), status: 'normal' },
  rule: `open chatgpt.com: ${remaining} left`,
});

/** The chip the extension reads in the chatgpt.com tab, once it shows `remaining` (or null after the wait). */
async function chipShowing(extension: ExtensionHandle, remaining: number, timeoutMs = 8000): Promise<ChipSeen | null> {
  const label = `${featureLabel('image_gen', englishTextOrNothing)}: ${remaining}.`;
  const started = Date.now();
  for (;;) {
    const seen = await extension.pageChip();
    if (seen?.label?.startsWith(label)) return seen;
    if (Date.now() - started > timeoutMs) return seen;
    await sleep(200);
  }
}

/** Whether the page's document holds the chip's host element (a page script can see the host, not inside it). */
const hostInPage = (tab: ReplicaTab<unknown>) => tab.evaluate((name) => document.querySelector(name)?.isConnected === true, CHIP);

/** Turns the chip switch of the popup's settings to `on`, as a user does, and waits until settings say so. */
async function switchChipInPopup(extension: ExtensionHandle, on: boolean): Promise<void> {
  const popup = await extension.popupTab();
  try {
    await popup.evaluate(async (wanted) => {
      const until = async (find: () => HTMLElement | null) => {
        for (let tries = 0; tries < 100; tries++) {
          const found = find();
          if (found) return found;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error('the popup did not show the settings');
      };
      (await until(() => document.querySelector<HTMLElement>('#settings-heading button'))).click();
      const toggle = (await until(() => document.getElementById('page-chip'))) as HTMLInputElement;
      if (toggle.checked !== wanted) toggle.click();
    }, on);
    const started = Date.now();
    while (((await extension.storage()).settings as { pageChip?: boolean } | undefined)?.pageChip !== on) {
      if (Date.now() - started > 8000) throw new Error(`the popup did not store pageChip: ${on}`);
      await sleep(100);
    }
  } finally {
    await popup.close();
  }
}

/** Waits until the background has (un)registered the chip's script as the settings say. */
async function registrationIs(extension: ExtensionHandle, on: boolean): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const scripts = await extension.registeredScripts();
    if (scripts.some((script) => script.startsWith('page-chip:')) === on || Date.now() - started > 8000) return scripts;
    await sleep(100);
  }
}

export function describePageChip(target: BrowserUnderTest): void {
  let replica: ReplicaServer;
  let browser: OpenBrowser | null = null;
  let extension: ExtensionHandle;
  let tab: ReplicaTab<unknown>;

  async function open(remaining: number): Promise<void> {
    const step = openWith(remaining);
    expectBadge((await runStep(step, tab, replica, extension)).badge, step.badge, step.rule);
  }

  beforeAll(async () => {
    replica = await target.startReplica();
    const session = await startSessionIn(target, replica);
    ({ browser, extension, tab } = session);
  });
  afterAll(async () => {
    await browser?.close();
    await replica?.close();
  });

  describe(`the page chip in ${target.name}`, () => {
    it('is off by default: nothing registered, no chip on the page', async () => {
      await open(42);
      await sleep(500);
      expect(await registrationIs(extension, false)).toEqual([]);
      expect(await hostInPage(tab)).toBe(false);
    });

    it('turned on in the popup, shows on the next page load, without reloading the extension', async () => {
      await switchChipInPopup(extension, true);
      expect(await registrationIs(extension, true)).toEqual(['page-chip: page-chip.js']);
      await open(42);
      expect((await chipShowing(extension, 42))?.label).toMatch(/: 42\./);
      expect(await hostInPage(tab)).toBe(true);
    });

    it('keeps its shadow root closed: a page script reads null and finds none of its text', async () => {
      const seen = await tab.evaluate((name) => {
        const host = document.querySelector(name);
        return { shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? null, inBody: document.body.innerText.includes('42') };
      }, CHIP);
      expect(seen).toEqual({ shadowRoot: null, text: '', inBody: false });
    });

    it('a forged WXT "newer script started" event leaves it on, and it still follows the readings', async () => {
      await tab.evaluate((origin) => {
        // The ids WXT's context would listen under (the extension id; in Firefox, the gecko id too).
        for (const id of [new URL(origin).host, 'quota-meter@quota-meter.github.io']) {
          for (const script of ['page-chip', 'relay']) {
            const type = `${id}:${script}:wxt:content-script-started`;
            document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: script, messageId: 'page' } }));
            window.postMessage({ type, contentScriptName: script, messageId: 'page' }, '*');
          }
        }
      }, extension.origin);
      await sleep(300);
      expect((await extension.pageChip())?.label).toMatch(/: 42\./);
      // A new reading in another load of the page (the chip reads storage, which every tab shares).
      await extension.writeStorage({
        quotaState: await (async () => {
          const state = (await extension.storage()).quotaState as {
            accounts: Record<string, { features: Record<string, { remaining: number }> }>;
          };
          for (const account of Object.values(state.accounts)) {
            const image = account.features.image_gen;
            if (image) image.remaining = 41;
          }
          return state;
        })(),
      });
      expect((await chipShowing(extension, 41))?.label).toMatch(/: 41\./);
    });

    it('turned off in the popup, is unregistered and gone from new pages', async () => {
      await switchChipInPopup(extension, false);
      expect(await registrationIs(extension, false)).toEqual([]);
      await open(40);
      await sleep(800);
      expect(await hostInPage(tab)).toBe(false);
      expect(await extension.pageChip()).toBeNull();
    });

    it('turned on again, survives a browser restart with the same profile', async () => {
      await switchChipInPopup(extension, true);
      expect(await registrationIs(extension, true)).toEqual(['page-chip: page-chip.js']);
      const profileDir = browser!.profileDir;
      await browser!.close({ keepProfile: true });
      browser = await target.launch(replica, { profileDir });
      if (browser.extension === null) throw new Error('the extension did not come back after the restart');
      extension = browser.extension;
      tab = ReplicaTab.on(await browser.newTab());
      expect(await registrationIs(extension, true)).toEqual(['page-chip: page-chip.js']);
      await open(39);
      expect((await chipShowing(extension, 39))?.label).toMatch(/: 39\./);
    });

    it('nothing logged an error and the page threw nothing', () => {
      expect(tab.pageErrors).toEqual([]);
      expect(extension.errors.errors).toEqual([]);
    });
  });
}
