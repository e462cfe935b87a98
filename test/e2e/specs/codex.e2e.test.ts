import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { englishText, fixedParts } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import { runStep, settledBadge } from '../harness/scenario-runner';
import { json } from '../replica/answers';
import { ReplicaServer } from '../replica/replica-server';
import { captureAsOf } from '../scenarios/captures';
import { codexUsageAsOf } from '../scenarios/codex-usage';
import type { Step } from '../scenarios/scenario';

/**
 * Codex limits in a real browser: the page opens Codex's usage settings, which ask for
 * /backend-api/wham/usage; the extension reads that answer (and asks for nothing itself), the
 * popup shows the Codex group, and the badge shows a window once the user picks it in settings.
 */

let replica: ReplicaServer;
let session: BrowserSession;
let popup: Page;
const now = Date.now();

beforeAll(async () => {
  replica = await ReplicaServer.start();
  session = await startSession(replica);
  const init = { init: [json(JSON.parse(captureAsOf('init_pro_without_type_2026-09.json', now)))] };
  expectBadge(
    (
      await runStep(
        { do: 'open', answers: init, badge: { text: '867', status: 'normal' }, rule: 'chat opened' },
        session.tab,
        replica,
        session.extension,
      )
    ).badge,
    { text: '867', status: 'normal' },
  );
  // Three visits to Codex's usage page, the 5-hour window's share rising (20%, 30%, then the body's 37%): enough for a pace.
  for (const used of [20, 30, undefined]) {
    const step: Step = {
      do: 'codex',
      answers: { codexUsage: [json(codexUsageAsOf(now, used))] },
      badge: { text: '867', status: 'normal' },
      rule: 'Codex usage read; badge still images',
    };
    const codex = await runStep(step, session.tab, replica, session.extension);
    expect(codex.unusedAnswers).toEqual([]);
    expectBadge(codex.badge, { text: '867', status: 'normal' });
  }
  popup = await session.extension.openPopup();
  await popup.getByRole('main').waitFor();
});
afterAll(async () => {
  await session?.browser.close();
  await replica?.close();
});

describe('Codex usage read from the page', () => {
  it('was asked for once per visit, by the page, never by the extension', () => {
    const asked = replica.received.filter((request) => request.path.startsWith('/backend-api/wham/usage'));
    expect(asked).toHaveLength(3);
    for (const request of asked) expect(request.pageRequestId).not.toBeNull();
  });

  it('the popup shows the Codex group: each window as percent left, its length, its reset; credits; the reading’s age', async () => {
    const group = popup.getByRole('region', { name: englishText('popup_codexHeading') });
    await group.waitFor();
    const windows = group.getByRole('listitem');
    expect(await windows.count()).toBe(3);
    const item = (name: string) => windows.filter({ has: popup.getByRole('heading', { name, exact: true }) });
    expect(await item(englishText('popup_codexFiveHours')).textContent()).toContain('63% left');
    expect(await item(englishText('popup_codexWeekly')).textContent()).toContain('88% left');
    expect(await item(englishText('popup_codexFiveHours')).getByRole('meter').getAttribute('aria-valuenow')).toBe('63');
    for (const words of fixedParts('popup_resetsIn'))
      expect(await item(englishText('popup_codexFiveHours')).textContent()).toContain(words);
    const text = (await group.textContent()) ?? '';
    expect(text).toContain('Credits: 12.5');
    for (const words of fixedParts('popup_codexSeen')) expect(text).toContain(words);
  });

  it('the 5-hour window, its share risen twice, says it runs out before its reset at this pace', async () => {
    const group = popup.getByRole('region', { name: englishText('popup_codexHeading') });
    const item = (name: string) => group.getByRole('listitem').filter({ has: popup.getByRole('heading', { name, exact: true }) });
    const fiveHours = (await item(englishText('popup_codexFiveHours')).textContent()) ?? '';
    for (const words of fixedParts('popup_forecastBefore')) expect(fiveHours).toContain(words);
    const weekly = (await item(englishText('popup_codexWeekly')).textContent()) ?? '';
    for (const words of fixedParts('popup_forecastBefore')) expect(weekly).not.toContain(words);
  });

  it('the badge shows the window the user picks in settings, as percent left', async () => {
    await popup.getByRole('button', { name: englishText('popup_settingsHeading') }).click();
    const select = popup.getByRole('combobox', { name: englishText('popup_badgeFeature') });
    await select.waitFor();
    await select.selectOption('codex:primary');
    expectBadge(await settledBadge(session.extension, { text: '63%', status: 'normal' }), { text: '63%', status: 'normal' });
    await select.selectOption('codex:secondary');
    expectBadge(await settledBadge(session.extension, { text: '88%', status: 'normal' }), { text: '88%', status: 'normal' });
  });

  it('logged no error in the extension and threw none into the page', () => {
    expect(session.extension.errors.errors).toEqual([]);
    expect(session.tab.pageErrors).toEqual([]);
  });
});
