import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../lib/core/apply-reading';
import { emptyQuotaState, quotaStateFromStorage, type QuotaState } from '../../../lib/core/quota-state';
import type { Reading } from '../../../lib/core/quota-types';
import { codexReading, codexWindow } from './codex-bodies';
import { feature, HOUR, reading, T0 } from './readings';

/** Codex readings folded into an account: windows replaced, uses kept per window, ChatGPT quotas untouched. */

const MINUTE = 60_000;
const RESET = T0 + 5 * HOUR;
const WEEK_RESET = T0 + 6 * 24 * HOUR;

function fold(readings: Reading[]): QuotaState {
  return readings.reduce((state, next) => applyReading(state, next, 'a'), emptyQuotaState());
}

describe('a Codex reading', () => {
  it('stores its windows, credits and plan, without touching features or their freshness', () => {
    const state = fold([
      reading(T0, { features: [feature('image_gen', 40, RESET)] }),
      codexReading(T0 + MINUTE, {
        windows: [codexWindow('primary', 37, RESET)],
        credits: { hasCredits: true, unlimited: false, balance: 3 },
        plan: 'plus',
      }),
    ]);
    const account = state.accounts.a!;
    expect(account.features.image_gen?.remaining).toBe(40);
    expect(account.lastReading).toEqual({ at: T0, source: 'init' });
    expect(account.plan).toBe('plus');
    expect(account.codex).toEqual({
      windows: [{ ...codexWindow('primary', 37, RESET), seenAt: T0 + MINUTE, samples: [{ at: T0 + MINUTE, usedPercent: 37 }] }],
      credits: { hasCredits: true, unlimited: false, balance: 3 },
      seenAt: T0 + MINUTE,
    });
  });

  it('keeps the uses of one window (a repeat adds none) and starts over in a new window', () => {
    const at = (minutes: number) => T0 + minutes * MINUTE;
    const state = fold([
      codexReading(at(0), { windows: [codexWindow('primary', 10, RESET), codexWindow('secondary', 2, WEEK_RESET, 604_800)] }),
      codexReading(at(10), { windows: [codexWindow('primary', 10, RESET), codexWindow('secondary', 2, WEEK_RESET, 604_800)] }),
      codexReading(at(20), { windows: [codexWindow('primary', 25, RESET + 2 * MINUTE), codexWindow('secondary', 4, WEEK_RESET, 604_800)] }),
    ]);
    const [primary, secondary] = state.accounts.a!.codex!.windows;
    expect(primary?.samples).toEqual([
      { at: at(0), usedPercent: 10 },
      { at: at(20), usedPercent: 25 },
    ]);
    expect(secondary?.samples).toEqual([
      { at: at(0), usedPercent: 2 },
      { at: at(20), usedPercent: 4 },
    ]);
    const next = applyReading(state, codexReading(RESET + HOUR, { windows: [codexWindow('primary', 1, RESET + 6 * HOUR)] }), 'a');
    expect(next.accounts.a!.codex!.windows).toEqual([
      { ...codexWindow('primary', 1, RESET + 6 * HOUR), seenAt: RESET + HOUR, samples: [{ at: RESET + HOUR, usedPercent: 1 }] },
    ]);
  });

  it('keeps the first of a window named twice', () => {
    const state = fold([codexReading(T0, { windows: [codexWindow('primary', 5, RESET), codexWindow('primary', 90, RESET)] })]);
    expect(state.accounts.a!.codex!.windows.map((window) => window.usedPercent)).toEqual([5]);
  });
});

describe('state stored before Codex was read', () => {
  it('reads back valid, with no Codex reading (not reset)', () => {
    const older = JSON.parse(JSON.stringify(fold([reading(T0, { features: [feature('image_gen', 40, RESET)] })]))) as {
      accounts: { a: Record<string, unknown> };
    };
    delete older.accounts.a.codex;
    const { state, problem } = quotaStateFromStorage(older);
    expect(problem).toBeNull();
    expect(state.accounts.a?.features.image_gen?.remaining).toBe(40);
    expect(state.accounts.a?.codex).toBeNull();
  });
});

const DAY = 24 * HOUR;

describe('accounts over the bound', () => {
  it('an account read only on Codex pages counts as seen when older accounts are dropped', () => {
    // Two readings each: accounts seen once are quarantined (lib/core/account-eviction.ts), which is not what this tests.
    let state = emptyQuotaState();
    for (let index = 0; index < 9; index++)
      for (const at of [T0 + index, T0 + index + 0.5])
        state = applyReading(state, reading(at, { features: [feature('image_gen', 1, RESET)] }), `chat-${index}`);
    for (const at of [T0 + 2 * DAY, T0 + 2 * DAY + 1])
      state = applyReading(state, codexReading(at, { windows: [codexWindow('primary', 5, RESET)] }), 'codex-only');
    // 61 days on, the chat accounts have been silent past the history's span; the Codex one has not.
    state = applyReading(state, reading(T0 + 61 * DAY, { features: [feature('image_gen', 1, null)] }), 'newcomer');
    expect(Object.keys(state.accounts)).toHaveLength(10);
    expect(state.accounts['codex-only']).toBeDefined();
    expect(state.accounts['chat-0']).toBeUndefined();
  });
});
