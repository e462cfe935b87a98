import { describe, expect, it } from 'vitest';
import { codexView } from '../../../lib/view/codex-view';
import { quotaLabel, windowLabel } from '../../../lib/view/window-label';
import { emptyAccountState, type AccountState } from '../../../lib/core/quota-state';
import type { CodexWindowState } from '../../../lib/core/codex-state';
import { englishMessage } from '../setup';
import { codexCredits } from '../core/codex-bodies';

/** The Codex group's view model and the window names in words. */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);

function window(name: string, usedPercent: number, resetsAt: number | null, windowSeconds: number | null): CodexWindowState {
  const limit = name.startsWith('code_review') ? 'code_review' : 'main';
  return {
    name: `codex:${name}`,
    limit,
    model: null,
    reached: false,
    usedPercent,
    resetsAt,
    windowSeconds,
    seenAt: NOW - HOUR,
    samples: [],
  };
}

function account(windows: CodexWindowState[], credits: NonNullable<AccountState['codex']>['credits'] = null): AccountState {
  return { ...emptyAccountState(), codex: { windows, credits, resetCredits: null, seenAt: NOW - HOUR } };
}

describe('the Codex group', () => {
  it.each([
    // 20 points an hour from 60% used: out in 2 hours, before a reset in 4.
    ['rising share, reset ahead', NOW + 4 * HOUR, { runsOutAt: NOW + 2 * HOUR, beforeReset: true }],
    ['rising share, reset sooner', NOW + HOUR, { runsOutAt: NOW + 2 * HOUR, beforeReset: false }],
    ['reset passed: no forecast', NOW - 1, null],
  ])("forecasts a window's run-out from its samples: %s", (_name, resetsAt, forecast) => {
    const samples = [20, 40, 60].map((usedPercent, index) => ({ at: NOW - (2 - index) * HOUR, usedPercent }));
    const busy = { ...window('primary', 60, resetsAt, 18_000), samples };
    expect(codexView(account([busy]), NOW)?.windows[0]?.forecast).toEqual(forecast);
  });

  it('no forecast without two rises in the window', () => {
    const once = {
      ...window('primary', 40, NOW + HOUR, 18_000),
      samples: [
        { at: NOW - HOUR, usedPercent: 20 },
        { at: NOW, usedPercent: 40 },
      ],
    };
    expect(codexView(account([once, window('secondary', 5, NOW + HOUR, 604_800)]), NOW)?.windows.map((entry) => entry.forecast)).toEqual([
      null,
      null,
    ]);
  });

  it('is absent before any Codex reading', () => {
    expect(codexView(emptyAccountState(), NOW)).toBeNull();
    expect(codexView(undefined, NOW)).toBeNull();
  });

  it('main windows first, shorter first; percent left; low at 20% left; stale once reset; its age', () => {
    const view = codexView(
      account([
        window('code_review_primary', 0, NOW + 24 * HOUR, 604_800),
        window('secondary', 81, NOW + 48 * HOUR, 604_800),
        window('primary', 100, NOW - HOUR, 18_000),
      ]),
      NOW,
    );
    expect(view?.windows.map(({ name, left, status, reset }) => [name, left, status, reset.kind])).toEqual([
      ['codex:primary', 0, 'stale', 'passed'],
      ['codex:secondary', 19, 'low', 'ahead'],
      ['codex:code_review_primary', 100, 'normal', 'ahead'],
    ]);
    expect(view?.seenAt).toBe(NOW - HOUR);
  });

  it('a chosen threshold counts', () => {
    expect(codexView(account([window('primary', 50, NOW + HOUR, 18_000)]), NOW, { 'codex:primary': 60 })?.windows[0]?.status).toBe('low');
  });

  const plain = { localMessages: null, cloudMessages: null, spendReached: false };
  it.each<[NonNullable<AccountState['codex']>['credits'], unknown]>([
    [codexCredits({ hasCredits: true, unlimited: true }), { ...plain, balance: { kind: 'unlimited' } }],
    [codexCredits({ hasCredits: true, unlimited: false, balance: 12.5 }), { ...plain, balance: { kind: 'balance', balance: 12.5 } }],
    [codexCredits({ hasCredits: false, unlimited: false }), { ...plain, balance: { kind: 'none' } }],
    [codexCredits({}), null],
    [
      codexCredits({ approxLocalMessages: [40, 200], spendReached: true }),
      { ...plain, balance: null, localMessages: [40, 200], spendReached: true },
    ],
    [null, null],
  ])('credits %j are shown as %j', (credits, expected) => {
    expect(codexView(account([], credits), NOW)?.credits).toEqual(expected);
  });

  it('a per-model window: after the main ones, named by its model; reached under 100% is used up and says so', () => {
    const spark = { ...window('model-spark/18000', 92, NOW + HOUR, 18_000), limit: 'model-spark', model: 'Spark', reached: true };
    const view = codexView(account([spark, window('secondary', 10, NOW + 50 * HOUR, 604_800)]), NOW);
    expect(view?.windows.map((entry) => [entry.name, entry.model, entry.left, entry.status, entry.reachedAt])).toEqual([
      ['codex:secondary', null, 90, 'normal', null],
      ['codex:model-spark/18000', 'Spark', 0, 'empty', 92],
    ]);
  });

  it('reset credits: the count and the soonest expiry still ahead', () => {
    const state = account([]);
    state.codex!.resetCredits = { available: 2, expiries: [NOW - HOUR, NOW + 5 * HOUR, NOW + 50 * HOUR] };
    expect(codexView(state, NOW)?.resetCredits).toEqual({ available: 2, expiresAt: NOW + 5 * HOUR });
    state.codex!.resetCredits = { available: 0, expiries: [NOW + 5 * HOUR] };
    expect(codexView(state, NOW)?.resetCredits).toEqual({ available: 0, expiresAt: null });
  });
});

describe('window names in words', () => {
  const translate = (key: string, substitutions?: string[]) => englishMessage(key, substitutions);
  it.each([
    ['codex:primary', 18_000, '5-hour window'],
    ['codex:secondary', 604_800, 'Weekly window'],
    ['codex:tertiary', 86_400, '1-day window'],
    ['codex:tertiary', 3 * 3600, '3-hour window'],
    ['codex:primary', null, 'Window of unknown length'],
    ['codex:code_review_secondary', 604_800, 'Code review: Weekly window'],
  ])('%s of %s s is "%s"', (name, seconds, label) => {
    expect(windowLabel(name, seconds, translate)).toBe(label);
  });

  it('the badge and notifications say Codex, and the length stored for the window', () => {
    const state = { accounts: { a: account([window('secondary', 1, null, 604_800)]) } };
    expect(quotaLabel('codex:secondary', state, translate)).toBe('Codex Weekly window');
    expect(quotaLabel('image_gen', state, translate)).toBe('Image generations');
  });
});
