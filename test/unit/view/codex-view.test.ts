import { describe, expect, it } from 'vitest';
import { codexView } from '../../../lib/view/codex-view';
import { quotaLabel, windowLabel } from '../../../lib/view/window-label';
import { emptyAccountState, type AccountState } from '../../../lib/core/quota-state';
import type { CodexWindowState } from '../../../lib/core/codex-state';
import { englishMessage } from '../setup';

/** The Codex group's view model and the window names in words. */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);

function window(name: string, usedPercent: number, resetsAt: number | null, windowSeconds: number | null): CodexWindowState {
  return { name: `codex:${name}`, usedPercent, resetsAt, windowSeconds, seenAt: NOW - HOUR, samples: [] };
}

function account(windows: CodexWindowState[], credits: NonNullable<AccountState['codex']>['credits'] = null): AccountState {
  return { ...emptyAccountState(), codex: { windows, credits, seenAt: NOW - HOUR } };
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

  it.each([
    [{ hasCredits: true, unlimited: true, balance: null }, { kind: 'unlimited' }],
    [
      { hasCredits: true, unlimited: false, balance: 12.5 },
      { kind: 'balance', balance: 12.5 },
    ],
    [{ hasCredits: false, unlimited: false, balance: null }, { kind: 'none' }],
    [{ hasCredits: null, unlimited: null, balance: null }, null],
    [null, null],
  ])('credits %j are shown as %j', (credits, expected) => {
    expect(codexView(account([], credits), NOW)?.credits).toEqual(expected);
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
