import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../lib/core/apply-reading';
import { applyCodexReading } from '../../../lib/core/apply-codex-usage';
import { emptyAccountState, emptyQuotaState, quotaStateFromStorage, type QuotaState } from '../../../lib/core/quota-state';
import { quotaStateV1ToV2 } from '../../../lib/core/codex-state-migration';
import type { Reading } from '../../../lib/core/quota-types';
import type { CodexReading } from '../../../lib/core/codex-usage';
import { parseCodexUsage } from '../../../lib/core/parse-codex-usage';
import { windowMeters } from '../../../lib/alerts/window-meters';
import { meterRunOut } from '../../../lib/core/run-out-forecast';
import { codexCredits, codexReading, codexWindow } from './codex-bodies';
import { feature, HOUR, reading, T0 } from './readings';

/** Codex readings folded into an account: windows replaced, uses kept per window, ChatGPT quotas untouched. */

const MINUTE = 60_000;
const RESET = T0 + 5 * HOUR;
const WEEK_RESET = T0 + 6 * 24 * HOUR;

function fold(readings: Array<Reading | CodexReading>): QuotaState {
  return readings.reduce(
    (state, next) => (next.source === 'codex' ? applyCodexReading(state, next, 'a') : applyReading(state, next, 'a')),
    emptyQuotaState(),
  );
}

describe('a Codex reading', () => {
  it('stores its windows, credits and plan, without touching features or their freshness', () => {
    const state = fold([
      reading(T0, { features: [feature('image_gen', 40, RESET)] }),
      codexReading(T0 + MINUTE, {
        windows: [codexWindow('primary', 37, RESET)],
        credits: codexCredits({ hasCredits: true, unlimited: false, balance: 3 }),
        plan: 'plus',
      }),
    ]);
    const account = state.accounts.a!;
    expect(account.features.image_gen?.remaining).toBe(40);
    expect(account.lastReading).toEqual({ at: T0, source: 'init' });
    expect(account.plan).toBe('plus');
    expect(account.codex).toEqual({
      windows: [{ ...codexWindow('primary', 37, RESET), seenAt: T0 + MINUTE, samples: [{ at: T0 + MINUTE, usedPercent: 37 }] }],
      credits: codexCredits({ hasCredits: true, unlimited: false, balance: 3 }),
      resetCredits: null,
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
    const next = applyCodexReading(state, codexReading(RESET + HOUR, { windows: [codexWindow('primary', 1, RESET + 6 * HOUR)] }), 'a');
    expect(next.accounts.a!.codex!.windows).toEqual([
      { ...codexWindow('primary', 1, RESET + 6 * HOUR), seenAt: RESET + HOUR, samples: [{ at: RESET + HOUR, usedPercent: 1 }] },
    ]);
  });

  it('keeps the first of a window named twice', () => {
    const state = fold([codexReading(T0, { windows: [codexWindow('primary', 5, RESET), codexWindow('primary', 90, RESET)] })]);
    expect(state.accounts.a!.codex!.windows.map((window) => window.usedPercent)).toEqual([5]);
  });
});

describe('windows told apart by length, not by slot', () => {
  const FIVE = 18_000;
  const WEEK = 604_800;
  const slot = (used: number, resetAt: number, seconds: number) => ({
    used_percent: used,
    reset_at: resetAt / 1000,
    limit_window_seconds: seconds,
  });
  const body = (at: number, limits: Record<string, unknown>): CodexReading => {
    const parsed = parseCodexUsage({ rate_limit: limits });
    if (!parsed.ok) throw new Error(parsed.error);
    return { source: 'codex', receivedAt: at, usage: parsed.usage, unknownFields: [] };
  };

  it('5-hour and weekly, then only the weekly in the primary slot, then the pair again: no sample crosses windows', () => {
    const at = (minutes: number) => T0 + minutes * MINUTE;
    const fiveReset = T0 + 4 * HOUR;
    const state = fold([
      body(at(0), { primary_window: slot(10, fiveReset, FIVE), secondary_window: slot(30, WEEK_RESET, WEEK) }),
      body(at(30), { primary_window: slot(20, fiveReset, FIVE), secondary_window: slot(31, WEEK_RESET, WEEK) }),
      // The 5-hour window gone for a while, the weekly one sent in the primary slot.
      body(at(60), { primary_window: slot(33, WEEK_RESET, WEEK) }),
      body(at(90), { primary_window: slot(35, WEEK_RESET, WEEK) }),
      body(at(120), { primary_window: slot(40, fiveReset, FIVE), secondary_window: slot(36, WEEK_RESET, WEEK) }),
    ]);
    const windows = state.accounts.a!.codex!.windows;
    const weekly = windows.find((window) => window.windowSeconds === WEEK)!;
    const fiveHours = windows.find((window) => window.windowSeconds === FIVE)!;
    expect(weekly.name).toBe('codex:secondary');
    expect(fiveHours.name).toBe('codex:primary');
    // Every share the weekly window had, whichever slot it came in; none of the 5-hour window's.
    expect(weekly.samples.map((sample) => sample.usedPercent)).toEqual([30, 31, 33, 35, 36]);
    // The 5-hour window was gone from the body: it starts again, with nothing of the weekly one.
    expect(fiveHours.samples.map((sample) => sample.usedPercent)).toEqual([40]);
    // Each forecast its own: the weekly one from its own pace, the 5-hour one has too little to say.
    const forecastOf = (window: typeof weekly) =>
      meterRunOut(windowMeters({ codex: { windows: [window] } }, { lowThresholds: {} }, at(121))[0]!, at(121));
    expect(forecastOf(fiveHours)).toBeNull();
    const weeklyForecast = forecastOf(weekly);
    expect(weeklyForecast).not.toBeNull();
    // 6 points in 120 minutes of the weekly window: 64 points left at that pace take about 21 hours.
    expect(weeklyForecast!.runsOutAt).toBeGreaterThan(at(121) + 15 * HOUR);
  });

  it('the weekly window alone in the primary slot is the weekly window (its name, its length)', () => {
    const state = fold([body(T0, { primary_window: slot(50, WEEK_RESET, WEEK) })]);
    expect(state.accounts.a!.codex!.windows.map((window) => window.name)).toEqual(['codex:secondary']);
  });
});

describe('quota state version 1 (Codex windows by slot) migrated to version 2', () => {
  const v1Window = (name: string, windowSeconds: number | null, usedPercent: number) => ({
    name,
    usedPercent,
    resetsAt: RESET,
    windowSeconds,
    seenAt: T0,
    samples: [{ at: T0, usedPercent }],
  });
  const v1 = {
    version: 1,
    activeAccount: 'a',
    accounts: {
      a: {
        ...JSON.parse(JSON.stringify(emptyAccountState())),
        memory: undefined,
        codex: {
          // The weekly window stored in the primary slot, as a slot swap left it.
          windows: [
            v1Window('codex:primary', 604_800, 40),
            v1Window('codex:code_review_primary', 604_800, 3),
            v1Window('codex:tertiary', null, 9),
          ],
          credits: { hasCredits: true, unlimited: false, balance: 5 },
          seenAt: T0,
        },
      },
      b: { ...JSON.parse(JSON.stringify(emptyAccountState())), memory: undefined },
    },
  };

  it('renames each window by its length, keeps its samples, adds the new fields as not said; reads back valid', () => {
    const migrated = quotaStateV1ToV2(JSON.parse(JSON.stringify(v1)) as Record<string, unknown>);
    const { state, problem } = quotaStateFromStorage(migrated);
    expect(problem).toBeNull();
    expect(state.version).toBe(2);
    const codex = state.accounts.a!.codex!;
    expect(codex.windows.map((window) => [window.name, window.limit, window.reached, window.samples.length])).toEqual([
      ['codex:secondary', 'main', false, 1],
      ['codex:code_review_primary', 'code_review', false, 1],
      ['codex:main/tertiary', 'main', false, 1],
    ]);
    expect(codex.credits).toEqual(codexCredits({ hasCredits: true, unlimited: false, balance: 5 }));
    expect(codex.resetCredits).toBeNull();
    expect(state.accounts.b!.codex).toBeNull();
    expect(state.accounts.b!.memory).toBeNull();
  });

  it('two slots of one length keep the first; odd stored values are left for the schema', () => {
    const twice = {
      ...v1,
      accounts: {
        a: {
          ...v1.accounts.a,
          codex: { ...v1.accounts.a.codex, windows: [v1Window('codex:primary', 18_000, 1), v1Window('codex:tertiary', 18_000, 2)] },
        },
      },
    };
    const migrated = quotaStateFromStorage(quotaStateV1ToV2(JSON.parse(JSON.stringify(twice)) as Record<string, unknown>));
    expect(migrated.state.accounts.a!.codex!.windows.map((window) => window.usedPercent)).toEqual([1]);
    expect(quotaStateV1ToV2({ version: 1, accounts: 'odd' })).toEqual({ version: 2, accounts: 'odd' });
    expect(quotaStateFromStorage(quotaStateV1ToV2({ version: 1, accounts: 'odd' })).problem).not.toBeNull();
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
      state = applyCodexReading(state, codexReading(at, { windows: [codexWindow('primary', 5, RESET)] }), 'codex-only');
    // 61 days on, the chat accounts have been silent past the history's span; the Codex one has not.
    state = applyReading(state, reading(T0 + 61 * DAY, { features: [feature('image_gen', 1, null)] }), 'newcomer');
    expect(Object.keys(state.accounts)).toHaveLength(10);
    expect(state.accounts['codex-only']).toBeDefined();
    expect(state.accounts['chat-0']).toBeUndefined();
  });
});
