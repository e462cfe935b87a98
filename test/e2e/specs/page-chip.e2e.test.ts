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
 * `quota-meter-chip` element whose closed shadow root holds it) with the badge's count, and the
 * page's own layout is as it was without it; switched off there is none; its hide button (×)
 * removes it. Its closed root is read by the extension itself (harness/page-chip-reader.ts);
 * test/e2e/suites/page-chip-suite.ts turns it on and off through the popup, in both browsers.
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
    // Closed: the page reads null; the extension reads the count inside.
    expect(await page.locator(CHIP).evaluate((element) => element.shadowRoot)).toBeNull();
    const label = featureLabel('image_gen', englishTextOrNothing);
    await expect.poll(async () => (await extension.pageChip())?.label, { timeout: 8000 }).toMatch(new RegExp(`^${label}: 42\\.`));
  });

  it("leaves the page's own layout untouched", async () => {
    expect(await pageLayout()).toEqual(layoutWithout);
  });

  it('hide (×) removes it', async () => {
    const page = session.tab.page;
    // A real click where the button is: the accessibility tree reaches into the closed root.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { name?: { value?: string }; role?: { value?: string }; backendDOMNodeId?: number }[];
    };
    const hide = nodes.find((node) => node.role?.value === 'button' && node.name?.value === englishText('chip_hide'));
    expect(hide?.backendDOMNodeId).toBeDefined();
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: hide?.backendDOMNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    await cdp.detach();
    await page.waitForFunction((name) => document.querySelector(name) === null || !document.querySelector(name)?.isConnected, CHIP);
    expect(await extension.pageChip()).toBeNull();
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
