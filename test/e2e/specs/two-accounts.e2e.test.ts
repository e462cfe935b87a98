import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_KEY_PATTERN } from '../../../lib/page/account-key';
import { featureLabel } from '../../../lib/core/feature-names';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { englishText, englishTextOrNothing } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import type { ExtensionUnderTest } from '../harness/extension-under-test';
import { ReplicaTab } from '../harness/replica-tab';
import { settledBadge } from '../harness/scenario-runner';
import { raw } from '../replica/answers';
import { ReplicaServer } from '../replica/replica-server';
import { quotaJson } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';

/**
 * Issue 5.3: two workspace accounts open in two tabs (the replica page sends chatgpt-account-id,
 * opened with ?account=<id>). Tab A reads 50 images, tab B 7. The badge follows the tab used last
 * (the relay says 'page-active' on focus and visibilitychange); storage keeps both accounts under
 * opaque keys and never the raw ids; the popup lets the user look at the other account.
 */

const now = Date.now();
/** Raw account ids as the site sends them; distinctive, so that a copy anywhere in storage is found. */
const RAW_A = 'd3adbeef-acc0-4aaa-9aaa-rawid0000a01';
const RAW_B = 'd3adbeef-acc0-4bbb-9bbb-rawid0000b02';

const images = (remaining: number) => raw(200, 'application/json', quotaJson({ limits: { image_gen: { remaining } } }, now));
const FIFTY: Step['badge'] = { text: '50', status: 'normal' };
const SEVEN: Step['badge'] = { text: '7', status: 'low' };

let replica: ReplicaServer;
let session: BrowserSession;
let extension: ExtensionUnderTest;
let tabA: ReplicaTab;
let tabB: ReplicaTab;

/**
 * What a user does to come back to a tab: bring it to the front; the window gets focus. Headless
 * Chromium gives no window focus by itself; focus emulation makes the browser send the page a real
 * (trusted) focus event. The relay ignores focus events a page dispatches itself.
 */
async function useTab(tab: ReplicaTab): Promise<void> {
  for (const other of [tabA, tabB]) {
    if (other === tab) continue;
    const session = await other.page.context().newCDPSession(other.page);
    await session.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await session.detach();
  }
  const session = await tab.page.context().newCDPSession(tab.page);
  await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  await session.detach();
  await tab.page.bringToFront();
  // The browser's own focus event, as when the user clicks into the window (window.focus() asks for it).
  await tab.page.evaluate(() => window.focus());
}

/** The count the popup shows for images: the meter's value, or the words said when there is no bar. */
async function imagesShown(popup: Page): Promise<number> {
  const name = featureLabel('image_gen', englishTextOrNothing);
  const item: Locator = popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name, exact: true }) });
  await item.waitFor();
  const meter = item.getByRole('meter');
  if ((await meter.count()) > 0) return Number(await meter.getAttribute('aria-valuenow'));
  // A counted message: either of its forms may be the one shown. Matched as the words alone (one
  // element): the item's whole text runs the visible count into them.
  for (const key of ['popup_left_one', 'popup_left_other']) {
    const [before, after] = englishText(key).split('$p1$');
    const words = new RegExp(`^${before ?? ''}(\\d+)${after ?? ''}$`);
    const said = item.getByText(words);
    if ((await said.count()) > 0) return Number(words.exec((await said.textContent()) ?? '')?.[1]);
  }
  return Number.NaN;
}

beforeAll(async () => {
  replica = await ReplicaServer.start();
  session = await startSession(replica);
  extension = session.extension;
  tabA = session.tab;
  tabB = await ReplicaTab.create(session.browser.context);
});
afterAll(async () => {
  await session?.browser.close();
  await replica?.close();
});

describe('two accounts in two tabs', () => {
  it('tab A opens with 50 images: the badge shows 50', async () => {
    replica.script({ init: [images(50)] });
    await tabA.load(`/?account=${RAW_A}`);
    expectBadge(await settledBadge(extension, FIFTY), FIFTY);
  });

  it('tab B opens with 7 images: the badge shows 7', async () => {
    replica.script({ init: [images(7)] });
    await tabB.load(`/?account=${RAW_B}`);
    expectBadge(await settledBadge(extension, SEVEN), SEVEN);
  });

  it('the page sent each account id on its own requests', () => {
    const ids = replica.received
      .filter((request) => request.path === '/backend-api/conversation/init')
      .map((request) => request.headers['chatgpt-account-id']);
    expect(ids).toEqual([RAW_A, RAW_B]);
  });

  it('coming back to tab A moves the badge to 50, then to B moves it to 7', async () => {
    await useTab(tabA);
    expectBadge(await settledBadge(extension, FIFTY), FIFTY, 'tab A in front');
    await useTab(tabB);
    expectBadge(await settledBadge(extension, SEVEN), SEVEN, 'tab B in front');
  });

  it('storage keeps two accounts under opaque keys, and neither raw id anywhere', async () => {
    const stored = await extension.storage();
    const keys = Object.keys((stored.quotaState as { accounts: Record<string, unknown> }).accounts);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key).toMatch(ACCOUNT_KEY_PATTERN);
    const everything = JSON.stringify([stored, await extension.storage('session')]);
    expect(everything).not.toContain(RAW_A);
    expect(everything).not.toContain(RAW_B);
  });

  it('the popup shows the account the badge follows, and lets the user look at the other', async () => {
    const popup = await extension.openPopup();
    await popup.getByRole('main').waitFor();
    expect(await imagesShown(popup)).toBe(7);
    const select = popup.getByRole('combobox', { name: englishText('popup_accountSelect') });
    const options = await select.getByRole('option').allTextContents();
    expect(options).toHaveLength(2);
    const current = await select.inputValue();
    const other = await select.evaluate(
      (element: HTMLSelectElement, shown) => [...element.options].find((option) => option.value !== shown)?.value ?? '',
      current,
    );
    await select.selectOption(other);
    expect(await imagesShown(popup)).toBe(50);
    // Looking at another account does not move the badge.
    expectBadge(await extension.badge(), SEVEN, 'after looking at A in the popup');
    await popup.close();
  });

  it('nothing logged an error', () => {
    expect(extension.errors.errors).toEqual([]);
    expect([...tabA.pageErrors, ...tabB.pageErrors]).toEqual([]);
  });
});
