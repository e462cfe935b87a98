import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRelayMessage } from '../../../entrypoints/background/finding-handler';
import type { QuotaState } from '../../../lib/core/quota-state';
import { emptyHistory, HISTORY_DAYS, recordUses, type UsageHistory } from '../../../lib/core/usage-history';
import { stored } from '../background/worker';

/**
 * Issue 23, finding 1, in the background: a page names account keys it made up. Before the issue,
 * three heavy forged readings removed every real account's quota state, and twenty messages a real
 * account's 60-day usage history. Each test here fails on that code.
 */

const NOW = Date.UTC(2026, 8, 15, 12);
const HOUR = 3_600_000;
const REAL = 'acct-00000000000000aa';
const forged = (index: number) => `acct-${(0xf000 + index).toString(16).padStart(16, '0')}`;

function reading(account: string, remaining: number, at: number): unknown {
  return {
    type: 'page-finding',
    account,
    finding: {
      kind: 'quota',
      carrier: 'init',
      quota: {
        type: 'conversation_detail_metadata',
        limits_progress: [{ feature_name: 'image_gen', remaining, reset_after: new Date(at + 5 * HOUR).toISOString() }],
      },
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a flood of made-up account keys', () => {
  it('from one tab: only its first three new keys are taken, the real account keeps its state and is not moved', async () => {
    await handleRelayMessage(reading(REAL, 40, NOW), NOW, 1);
    await handleRelayMessage(reading(REAL, 38, NOW + 1000), NOW + 1000, 1);
    const before = ((await stored('quotaState')) as QuotaState).accounts[REAL];
    for (let index = 0; index < 30; index++) await handleRelayMessage(reading(forged(index), 3, NOW + 2000 + index), NOW + 2000 + index, 2);
    const state = (await stored('quotaState')) as QuotaState;
    expect(Object.keys(state.accounts).sort()).toEqual([REAL, forged(0), forged(1), forged(2)].sort());
    expect(state.accounts[REAL]).toEqual(before);
    // The tab that never reported the real account cannot switch the badge to it either.
    await handleRelayMessage({ type: 'page-active', account: REAL }, NOW + 5000, 2);
    expect(((await stored('quotaState')) as QuotaState).activeAccount).toBe(forged(2));
  });

  it('from many tabs, each key read twice with a drop: the real account with weeks of history keeps its state and history', async () => {
    const day = Math.floor(NOW / (24 * HOUR));
    let history: UsageHistory = emptyHistory();
    for (let back = 1; back < HISTORY_DAYS; back++) history = recordUses(history, REAL, 'image_gen', 2, day - back);
    await fakeBrowser.storage.local.set({ usageHistory: history });
    await handleRelayMessage(reading(REAL, 40, NOW), NOW, 1);
    await handleRelayMessage(reading(REAL, 38, NOW + 1000), NOW + 1000, 1);
    const realState = ((await stored('quotaState')) as QuotaState).accounts[REAL];
    const realHistory = ((await stored('usageHistory')) as UsageHistory).accounts[REAL];
    expect(realHistory?.image_gen?.length).toBeGreaterThanOrEqual(HISTORY_DAYS - 1);
    for (let index = 0; index < 20; index++) {
      const at = NOW + HOUR + index * 1000;
      await handleRelayMessage(reading(forged(index), 9, at), at, 100 + index);
      await handleRelayMessage(reading(forged(index), 1, at + 500), at + 500, 100 + index);
    }
    const state = (await stored('quotaState')) as QuotaState;
    expect(state.accounts[REAL]).toEqual(realState);
    expect(((await stored('usageHistory')) as UsageHistory).accounts[REAL]).toEqual(realHistory);
  });
});

describe('usage history under a flood (pure)', () => {
  it('twenty accounts with a day of uses each never push out an account with 60 days of history', () => {
    const today = 20_000;
    let history = emptyHistory();
    for (let back = 0; back < HISTORY_DAYS; back++) history = recordUses(history, REAL, 'image_gen', 1, today - back);
    const real = history.accounts[REAL];
    for (let index = 0; index < 20; index++) history = recordUses(history, forged(index), 'image_gen', 5, today);
    expect(history.accounts[REAL]).toEqual(real);
    expect(Object.keys(history.accounts)).toHaveLength(10);
  });
});
