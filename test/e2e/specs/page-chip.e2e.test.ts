import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureLabel } from '../../../lib/core/feature-names';
import { defaultSettings } from '../../../lib/alerts/settings';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { englishText, englishTextOrNothing } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import type { ExtensionUnderTest } from '../harness/extension-under-test';
import { runStep } from '../harness/scenario-runner';
import { raw } from '../replica/answers';
import { ReplicaServer } from '../replica/replica-server';
import { quotaJson } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';

/**
 * Issue 5.6: the in-page chip, off by default. Switched on, chatgpt.com shows it (a
 * `quota-meter-chip` element whose shadow root holds it) with the badge's count, and the page's own
 * layout is as it was without it; switched off there is none; its hide button (×) removes it.
 */

const CHIP = 'quota-meter-chip';
const now = Date.now();
const open42: Step = {
  do: 'open',
  answers: { init: [raw(200, 'application/json', quotaJson({ limits: { image_gen: { remaining: 42 } } }, now))] },
  badge: { text: '42', status: 'normal' },
  rule: 'open chatgpt.com: 42 left',
};

let replica: ReplicaServer;
let session: BrowserSession;
let extension: ExtensionUnderTest;

/** The page's own layout: its body's markup and where each of its elements sits. */
function pageLayout(): Promise<unknown> {
  return session.tab.page.evaluate(() => ({
    body: document.body.innerHTML,
    boxes: [...document.body.querySelectorAll('*')].map((element) => JSON.stringify(element.getBoundingClientRect())),
    scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
  }));
}

async function openPage(): Promise<void> {
  expectBadge((await runStep(open42, session.tab, replica, extension)).badge, open42.badge, open42.rule);
  // The chip's script runs at document_idle and reads storage: let it have painted, or not.
  await session.tab.page.waitForLoadState('load');
  await session.tab.page.waitForTimeout(300);
}

beforeAll(async () => {
  replica = await ReplicaServer.start();
  session = await startSession(replica);
  extension = session.extension;
});
afterAll(async () => {
  await session?.browser.close();
  await replica?.close();
});

describe('the in-page chip', () => {
  let layoutWithout: unknown;

  it('is absent by default', async () => {
    await openPage();
    expect(await session.tab.page.locator(CHIP).count()).toBe(0);
    layoutWithout = await pageLayout();
  });

  it('switched on, shows the badge count inside the shadow root of quota-meter-chip', async () => {
    await extension.writeStorage({ settings: { ...defaultSettings(), pageChip: true } });
    await openPage();
    const page = session.tab.page;
    await page.locator(CHIP).waitFor({ state: 'attached' });
    expect(await page.locator(CHIP).evaluate((element) => element.shadowRoot !== null)).toBe(true);
    const label = featureLabel('image_gen', englishTextOrNothing);
    const chip = page.locator(`${CHIP} [aria-label^="${label}: 42."]`);
    await chip.waitFor();
    expect(await chip.isVisible()).toBe(true);
  });

  it("leaves the page's own layout untouched", async () => {
    expect(await pageLayout()).toEqual(layoutWithout);
  });

  it('hide (×) removes it', async () => {
    const page = session.tab.page;
    await page.getByRole('button', { name: englishText('chip_hide') }).click();
    await page.waitForFunction((name) => document.querySelector(name) === null || !document.querySelector(name)?.isConnected, CHIP);
    expect(await page.locator(`${CHIP} [aria-label]`).count()).toBe(0);
  });

  it('switched off again, a new page has none', async () => {
    await extension.writeStorage({ settings: defaultSettings() });
    await openPage();
    expect(await session.tab.page.locator(CHIP).count()).toBe(0);
  });

  it('nothing logged an error and the page threw nothing', () => {
    expect(session.tab.pageErrors).toEqual([]);
    expect(extension.errors.errors).toEqual([]);
  });
});
