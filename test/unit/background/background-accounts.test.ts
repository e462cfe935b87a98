import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountKeyOf } from '../../../lib/page/account-key';
import type { QuotaState } from '../../../lib/core/quota-state';
import { badge, findingMessage, quotaMessage, sendSettled, startWorker, stored, validSender } from './worker';

/**
 * Accounts through the real background against fakeBrowser: readings filed per account, the
 * badge following the account of the tab the user looks at, the plan stored on its account.
 */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);
const PERSONAL = accountKeyOf('personal-account-id');
const TEAM = accountKeyOf('team-account-id');
const cdm = (imageCount: number) => ({
  type: 'conversation_detail_metadata',
  blocked_features: [],
  limits_progress: [{ feature_name: 'image_gen', remaining: imageCount, reset_after: new Date(NOW + 5 * HOUR).toISOString() }],
});
const pageActive = (account: string | null) => ({ type: 'page-active', account });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

const send = (message: unknown, sender = validSender()) => sendSettled(message, sender);

async function state(): Promise<QuotaState> {
  return (await stored('quotaState')) as QuotaState;
}

async function twoAccounts(): Promise<void> {
  await startWorker();
  await send(quotaMessage(cdm(80), 'init', PERSONAL));
  await send(quotaMessage(cdm(7), 'stream', TEAM));
}

describe('two accounts', () => {
  it('each keeps its own counts; the badge shows the one read last', async () => {
    await twoAccounts();
    const { accounts, activeAccount } = await state();
    expect(accounts[PERSONAL]?.features.image_gen?.remaining).toBe(80);
    expect(accounts[TEAM]?.features.image_gen?.remaining).toBe(7);
    expect(activeAccount).toBe(TEAM);
    expect(await badge()).toMatchObject({ text: '7' });
  });

  it("a page-active message switches the badge to that account's count, and back", async () => {
    await twoAccounts();
    await send(pageActive(PERSONAL));
    expect(await badge()).toMatchObject({ text: '80' });
    expect((await state()).activeAccount).toBe(PERSONAL);
    await send(pageActive(TEAM));
    expect(await badge()).toMatchObject({ text: '7' });
  });

  it('an account finding (the page switched accounts) switches the badge too', async () => {
    await twoAccounts();
    await send(findingMessage({ kind: 'account', carrier: 'account' }, PERSONAL));
    expect(await badge()).toMatchObject({ text: '80' });
  });

  it('page-active for an account never read changes nothing', async () => {
    await twoAccounts();
    const before = await state();
    await send(pageActive(accountKeyOf('never-read')));
    expect(await state()).toEqual(before);
    expect(await badge()).toMatchObject({ text: '7' });
  });

  it.each([
    ['no account', null],
    ['a raw id instead of a key', 'team-account-id'],
    ['an upper-case key', TEAM.toUpperCase()],
  ])('page-active with %s changes nothing', async (_name, account) => {
    await twoAccounts();
    const before = await state();
    await send(pageActive(account));
    expect(await state()).toEqual(before);
    expect(await badge()).toMatchObject({ text: '7' });
  });

  it('a page-active message from another site is not heard', async () => {
    await twoAccounts();
    await send(pageActive(PERSONAL), { ...validSender(), url: 'https://evil.example/' });
    expect(await badge()).toMatchObject({ text: '7' });
  });

  it('readings without an account go to the default account, apart from the known ones', async () => {
    await twoAccounts();
    await send(quotaMessage(cdm(55)));
    expect(Object.keys((await state()).accounts).sort()).toEqual([PERSONAL, TEAM, 'default'].sort());
    expect(await badge()).toMatchObject({ text: '55' });
  });
});

describe('the plan', () => {
  it('a plan finding stores the plan on its account', async () => {
    await twoAccounts();
    await send(findingMessage({ kind: 'plan', carrier: 'account', plan: 'team' }, TEAM));
    await send(findingMessage({ kind: 'plan', carrier: 'stream', plan: 'plus' }, PERSONAL));
    const { accounts } = await state();
    expect(accounts[TEAM]?.plan).toBe('team');
    expect(accounts[PERSONAL]?.plan).toBe('plus');
  });

  it('a plan before any reading makes the account, with no badge number yet', async () => {
    await startWorker();
    await send(findingMessage({ kind: 'plan', carrier: 'account', plan: 'free' }, PERSONAL));
    expect((await state()).accounts[PERSONAL]).toMatchObject({ plan: 'free', features: {} });
    expect(await badge()).toMatchObject({ text: '' });
  });

  it.each([
    ['an empty plan', ''],
    ['an absurdly long plan', 'p'.repeat(41)],
    ['a plan that is not text', 7],
  ])('%s is rejected', async (_name, plan) => {
    await twoAccounts();
    await send(findingMessage({ kind: 'plan', carrier: 'account', plan }, TEAM));
    expect((await state()).accounts[TEAM]?.plan).toBeNull();
  });
});
