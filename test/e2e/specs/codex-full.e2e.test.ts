import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { englishText, fixedParts } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import { runStep, settledBadge } from '../harness/scenario-runner';
import { json } from '../replica/answers';
import { ReplicaServer } from '../replica/replica-server';
import { codexPerModelAsOf, memoriesWithCanaries, PRIVATE_CANARIES } from '../scenarios/codex-usage';
import type { Step } from '../scenarios/scenario';

/**
 * Every limit the page receives, in a real browser, for an account seen only on Codex pages and in
 * the memory settings: the weekly window in the primary slot, a per-model limit with both windows
 * (its 5-hour window reached at 92% used), two reset credits, a balance as a string, and memory
 * 83% full. The popup opens on what it has (no "No reading yet"), a per-model window can go on the
 * badge, and storage never holds the e-mail, user id, account id or a memory's text the bodies carried.
 */

let replica: ReplicaServer;
let session: BrowserSession;
let popup: Page;
const now = Date.now();
const NO_BADGE = { text: '', status: 'none' } as const;

/** The English message with its placeholders filled in, as the popup shows it. */
const said = (key: string, values: string[]) =>
  values.reduce((text, value, index) => text.replace(`$p${index + 1}$`, value), englishText(key));

beforeAll(async () => {
  replica = await ReplicaServer.start();
  session = await startSession(replica);
  const steps: Step[] = [
    // The chat page loads; its init answer is no quota (this account has never had one read).
    { do: 'open', answers: {}, badge: NO_BADGE, rule: 'chatgpt.com open, no quota read' },
    { do: 'codex', answers: { codexUsage: [json(codexPerModelAsOf(now))] }, badge: NO_BADGE, rule: 'Codex read; no image count' },
    { do: 'memories', answers: { memories: [json(memoriesWithCanaries())] }, badge: NO_BADGE, rule: 'memory read; no image count' },
  ];
  for (const step of steps) {
    const outcome = await runStep(step, session.tab, replica, session.extension);
    expect(outcome.unusedAnswers).toEqual([]);
    expectBadge(outcome.badge, step.badge, step.rule);
  }
  popup = await session.extension.openPopup();
  await popup.getByRole('main').waitFor();
}, 90_000);
afterAll(async () => {
  await session?.browser.close();
  await replica?.close();
});

const group = () => popup.getByRole('region', { name: englishText('popup_codexHeading') });
const item = (name: string) =>
  group()
    .getByRole('listitem')
    .filter({ has: popup.getByRole('heading', { name, exact: true }) });
const spark = (length: string) => said('popup_codexModelWindow', ['GPT-5.3-Codex-Spark', englishText(length)]);

describe('a Codex-only and memory-only account', () => {
  it('the popup opens on what it has: no "No reading yet"', async () => {
    await group().waitFor();
    expect(await popup.getByRole('heading', { name: englishText('popup_noReadingTitle') }).count()).toBe(0);
  });

  it('the weekly window sent in the primary slot is shown as the weekly window', async () => {
    expect(await group().getByRole('listitem').count()).toBe(3);
    expect(await item(englishText('popup_codexWeekly')).textContent()).toContain('59% left');
    expect(await item(englishText('popup_codexFiveHours')).count()).toBe(0);
  });

  it("a model's limit: both windows under its name; limit_reached at 92% used is used up and says so", async () => {
    const fiveHours = (await item(spark('popup_codexFiveHours')).textContent()) ?? '';
    expect(fiveHours).toContain('0% left');
    expect(fiveHours).toContain(englishText('popup_statusEmpty'));
    expect(fiveHours).toContain(said('popup_codexReached', ['92']));
    expect(await item(spark('popup_codexFiveHours')).getByRole('meter').getAttribute('aria-valuenow')).toBe('0');
    expect(await item(spark('popup_codexWeekly')).textContent()).toContain('45% left');
  });

  it('credits (a string balance) with the messages they buy, and the reset credits with the next expiry', async () => {
    const text = (await group().textContent()) ?? '';
    expect(text).toContain(said('popup_codexCredits', ['8.25']));
    expect(text).toContain(said('popup_codexMessages', ['40–200', '10–50']));
    for (const words of fixedParts('popup_codexResetCreditsExpiry')) expect(text).toContain(words);
    expect(text).toContain('Reset credits: 2,');
  });

  it('memory: "83% full" with a bar, and the token counts', async () => {
    const memory = popup.getByRole('region', { name: englishText('popup_memoryHeading') });
    const text = (await memory.textContent()) ?? '';
    expect(text).toContain(said('popup_memoryFull', ['83']));
    expect(text).toContain(said('popup_memoryTokens', ['4,150', '5,000']));
    expect(await memory.getByRole('meter').getAttribute('aria-valuenow')).toBe('83');
  });

  it("the badge shows a model's window the user picks in settings", async () => {
    await popup.getByRole('button', { name: englishText('popup_settingsHeading') }).click();
    const select = popup.getByRole('combobox', { name: englishText('popup_badgeFeature') });
    await select.waitFor();
    await select.selectOption('codex:model-gpt-5-3-codex-spark/604800');
    expectBadge(await settledBadge(session.extension, { text: '45%', status: 'normal' }), { text: '45%', status: 'normal' });
    await select.selectOption('codex:model-gpt-5-3-codex-spark/18000');
    expectBadge(await settledBadge(session.extension, { text: '0%', status: 'empty' }), { text: '0%', status: 'empty' });
  });

  it('storage never holds the e-mail, user id, account id or a memory’s text', async () => {
    for (const area of ['local', 'session'] as const) {
      const stored = JSON.stringify(await session.extension.storage(area));
      for (const canary of Object.values(PRIVATE_CANARIES)) expect(stored).not.toContain(canary);
      expect(stored).not.toContain('CANARY');
    }
    const state = JSON.stringify((await session.extension.storage('local')).quotaState);
    expect(state).toContain('GPT-5.3-Codex-Spark');
    expect(state).toContain('"usedTokens":4150');
  });

  it('asked for nothing itself, logged no error and threw none into the page', () => {
    for (const request of replica.received.filter((entry) => /wham|memories/.test(entry.path)))
      expect(request.pageRequestId).not.toBeNull();
    expect(session.extension.errors.errors).toEqual([]);
    expect(session.tab.pageErrors).toEqual([]);
  });
});
