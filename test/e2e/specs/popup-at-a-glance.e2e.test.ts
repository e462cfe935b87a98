import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureLabel } from '../../../lib/core/feature-names';
import { formatLocalTime } from '../../../lib/view/format-time';
import { artifactsDir } from '../harness/artifacts';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { catalogueOf, englishTextOrNothing, fixedParts } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import { repoRoot } from '../harness/extension-build';
import { runStep } from '../harness/scenario-runner';
import { emulateUiLanguage } from '../harness/ui-language';
import { ReplicaServer } from '../replica/replica-server';
import { busyInit, imageTurn } from '../scenarios/at-a-glance';
import { json } from '../replica/answers';
import { codexFullBodyAsOf, memoriesWithCanaries } from '../scenarios/codex-usage';

/**
 * Issue 16: everything at a glance within Chrome's 600 px popup, in English, German and Chinese;
 * a bar only where the cap is known; a run-out forecast once the count dropped twice.
 */

const POPUP = { width: 400, height: 600 };
const MINUTE = 60_000;

let replica: ReplicaServer;
beforeAll(async () => {
  replica = await ReplicaServer.start();
});
afterAll(() => replica.close());

/** The popup's own size: Chrome sizes the toolbar popup to its body and cuts it at 600 px. */
const popupSize = (popup: Page) =>
  popup.evaluate(() => ({ height: Math.ceil(document.body.getBoundingClientRect().height), width: document.documentElement.scrollWidth }));

/** The locale the popup formats times and numbers in (lib/extension/i18n.ts uiLocale). */
const uiLanguage = (popup: Page) =>
  popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());

const itemOf = (popup: Page, feature: string) =>
  popup
    .getByRole('listitem')
    .filter({ has: popup.getByRole('heading', { name: featureLabel(feature, englishTextOrNothing), exact: true }) });

/** Every shipped language: the promise is to fit in the longest of them (German and Russian run longest). */
const LOCALES = readdirSync(path.join(repoRoot, 'public/_locales')).sort();

describe.each(LOCALES)('the popup at a glance in %s', (locale) => {
  let session: BrowserSession;
  let popup: Page;

  beforeAll(async () => {
    replica.clear();
    session = await startSession(replica, { lang: locale.replace('_', '-') });
    const step = busyInit(Date.now());
    expectBadge((await runStep(step, session.tab, replica, session.extension)).badge, step.badge, step.rule);
    // The fit is measured with the dates and durations a user of the language sees.
    await emulateUiLanguage(session.browser.context, locale.replace('_', '-'));
    popup = await session.extension.openPopup();
    await popup.getByRole('main').waitFor();
  });
  afterAll(() => session?.browser.close());

  it('speaks the language of the catalogue the browser picked', async () => {
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(catalogueOf(locale).popup_lang?.message);
    // Times and numbers are formatted in the language a browser with this interface answers.
    expect(await uiLanguage(popup)).toBe(locale.replace('_', '-'));
  });

  it(`fits ${POPUP.width} x ${POPUP.height} px with five features, a block, a capped model and the closed sections`, async () => {
    // Five features, the block and the capped model (this browser counted none of its turns, so the
    // counted models' section, issue 22, has nothing to say of it).
    expect(await popup.getByRole('listitem').count()).toBe(6);
    const size = await popupSize(popup);
    writeFileSync(path.join(artifactsDir('at-a-glance'), `size-${locale}.json`), JSON.stringify(size));
    expect(size.width).toBeLessThanOrEqual(POPUP.width);
    expect(size.height).toBeLessThanOrEqual(POPUP.height);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      await popup
        .locator('body')
        .screenshot({ path: `${artifactsDir('at-a-glance')}/busy-${locale}-${colorScheme}.png`, animations: 'disabled' });
    }
  });

  it("opens a feature's details from the keyboard", async () => {
    const details = popup.getByRole('button', { name: catalogueOf(locale).popup_details?.message, exact: true }).first();
    // Tab from the top of the page until the first details button has the focus.
    for (let presses = 0; presses < 20 && !(await details.evaluate((button) => button === document.activeElement)); presses++) {
      await popup.keyboard.press('Tab');
    }
    await popup.keyboard.press('Enter');
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    const region = popup.locator(`#${await details.getAttribute('aria-controls')}`);
    expect(await region.isVisible()).toBe(true);
    await popup.keyboard.press('Space');
    expect(await details.getAttribute('aria-expanded')).toBe('false');
    expect(await region.isVisible()).toBe(false);
  });

  it('logged no error', () => {
    expect(session.extension.errors.errors).toEqual([]);
  });
});

describe.each(LOCALES)('the popup with every Codex field and memory in %s', (locale) => {
  let session: BrowserSession;
  let popup: Page;

  beforeAll(async () => {
    replica.clear();
    session = await startSession(replica, { lang: locale.replace('_', '-') });
    const now = Date.now();
    // An account read on Codex pages and in the memory settings: the chat page's init says no quota.
    const badge = { text: '', status: 'none' as const };
    const open = { do: 'open' as const, answers: {}, badge, rule: 'chatgpt.com open, no quota read' };
    expectBadge((await runStep(open, session.tab, replica, session.extension)).badge, badge, open.rule);
    const codex = { do: 'codex' as const, answers: { codexUsage: [json(codexFullBodyAsOf(now))] }, badge, rule: 'every Codex field' };
    expectBadge((await runStep(codex, session.tab, replica, session.extension)).badge, badge, codex.rule);
    const memories = { do: 'memories' as const, answers: { memories: [json(memoriesWithCanaries())] }, badge, rule: 'memory read' };
    expectBadge((await runStep(memories, session.tab, replica, session.extension)).badge, badge, memories.rule);
    await emulateUiLanguage(session.browser.context, locale.replace('_', '-'));
    popup = await session.extension.openPopup();
    await popup.getByRole('main').waitFor();
  });
  afterAll(() => session?.browser.close());

  it(`fits ${POPUP.width} x ${POPUP.height} px with five Codex windows (a model's two), credits, reset credits and memory`, async () => {
    // Five Codex windows and memory.
    // Five features, the block and the capped model (this browser counted none of its turns, so the
    // counted models' section, issue 22, has nothing to say of it).
    expect(await popup.getByRole('listitem').count()).toBe(6);
    const size = await popupSize(popup);
    writeFileSync(path.join(artifactsDir('at-a-glance'), `size-full-codex-${locale}.json`), JSON.stringify(size));
    await popup.locator('body').screenshot({ path: `${artifactsDir('at-a-glance')}/full-codex-${locale}.png`, animations: 'disabled' });
    expect(size.width).toBeLessThanOrEqual(POPUP.width);
    expect(size.height).toBeLessThanOrEqual(POPUP.height);
  });

  it('logged no error', () => {
    expect(session.extension.errors.errors).toEqual([]);
  });
});

describe('a bar only where the cap is known, and a forecast after two drops', () => {
  let session: BrowserSession;
  const start = Date.now();

  beforeAll(async () => {
    replica.clear();
    session = await startSession(replica);
  });
  afterAll(() => session?.browser.close());

  async function playAndOpen(step: ReturnType<typeof imageTurn>): Promise<Page> {
    expectBadge((await runStep(step, session.tab, replica, session.extension)).badge, step.badge, step.rule);
    const popup = await session.extension.openPopup();
    await popup.getByRole('main').waitFor();
    return popup;
  }

  it('the first reading of a window draws no bar for a cap it does not know; a stated limit gets one', async () => {
    const popup = await playAndOpen(busyInit(start));
    expect(await itemOf(popup, 'image_gen').getByRole('meter').count()).toBe(0);
    expect(await itemOf(popup, 'file_upload').getByRole('meter').getAttribute('aria-valuetext')).toBe('0 of 10 left');
    await popup.close();
  });

  it('after a drop from a higher count, a bar against the most seen; no forecast from one drop', async () => {
    const popup = await playAndOpen(imageTurn(start, 38));
    const item = itemOf(popup, 'image_gen');
    expect(await item.getByRole('meter').getAttribute('aria-valuetext')).toBe('38 left; most seen this window: 40');
    const text = (await item.textContent()) ?? '';
    for (const key of ['popup_forecastBefore', 'popup_forecastAfter', 'popup_forecastNoReset']) {
      expect(text, key).not.toContain(fixedParts(key)[0]);
    }
    await popup.close();
  });

  it('after two drops, says when it runs out at this pace, before the reset, as an estimate', async () => {
    await runStep(imageTurn(start, 36), session.tab, replica, session.extension);
    const before = Date.now();
    const popup = await playAndOpen(imageTurn(start, 34));
    const after = Date.now();
    const text = (await itemOf(popup, 'image_gen').textContent()) ?? '';
    for (const words of fixedParts('popup_forecastBefore')) expect(text).toContain(words);
    // 6 used within the minimum pace span of 30 minutes (lib/core/run-out-forecast.ts): 34 left last 170 minutes.
    const locale = await uiLanguage(popup);
    const candidates = [before, after, after + MINUTE].map((now) => formatLocalTime(now + 170 * MINUTE, now, locale));
    expect(
      candidates.some((time) => text.includes(time)),
      `${text} has one of ${candidates.join(', ')}`,
    ).toBe(true);
    expect(text).toContain(formatLocalTime(start + 5 * 60 * MINUTE, after, locale));
    await popup.close();
  });

  it('logged no error', () => {
    expect(session.extension.errors.errors).toEqual([]);
  });
});
