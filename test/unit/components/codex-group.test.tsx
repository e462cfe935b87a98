// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyAccountState, type AccountState } from '../../../lib/core/quota-state';
import { closePopup, openPopup, openSection, quotaState } from './open-popup';

/** The live popup's Codex group, from stored state, and the badge setting that can pick a window. */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);

const withCodex: AccountState = {
  ...emptyAccountState(),
  codex: {
    windows: [
      {
        name: 'codex:secondary',
        limit: 'main',
        model: null,
        reached: false,
        usedPercent: 12.5,
        resetsAt: NOW + 50 * HOUR,
        windowSeconds: 604_800,
        seenAt: NOW - 2 * HOUR,
        samples: [],
      },
      {
        name: 'codex:primary',
        limit: 'main',
        model: null,
        reached: false,
        usedPercent: 37,
        resetsAt: NOW - HOUR,
        windowSeconds: 18_000,
        seenAt: NOW - 2 * HOUR,
        samples: [],
      },
    ],
    credits: {
      hasCredits: true,
      unlimited: false,
      balance: 12.5,
      approxLocalMessages: null,
      approxCloudMessages: null,
      spendReached: null,
    },
    resetCredits: null,
    seenAt: NOW - 2 * HOUR,
  },
};

beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterEach(() => {
  closePopup();
  vi.useRealTimers();
});

describe('the Codex group in the popup', () => {
  it('shows each window as percent left with its length, reset or staleness, credits and age', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const root = await openPopup({ quotaState: quotaState({ a: withCodex }, 'a') });
    const group = root.querySelector('.codex-group');
    expect(group?.querySelector('h2')?.textContent).toBe('Codex');
    const windows = [...(group?.querySelectorAll('.codex-window') ?? [])].map((item) => [
      item.querySelector('.feature-name')?.textContent,
      item.querySelector('.count')?.textContent,
      item.querySelector('.feature-detail')?.textContent,
    ]);
    expect(windows).toEqual([
      ['5-hour window', '63% left', expect.stringMatching(/^Probably reset at 11:00/)],
      ['Weekly window', '88% left', expect.stringMatching(/^Resets in 2 days 2 hr, /)],
    ]);
    expect(group?.querySelector('.codex-credits')?.textContent).toBe('Credits: 12.5');
    expect(group?.querySelector('.codex-seen')?.textContent).toBe('Read 2 hr. ago from a Codex page');
  });

  it('is not there before any Codex reading', async () => {
    const root = await openPopup({ quotaState: quotaState({ a: emptyAccountState() }, 'a') });
    expect(root.querySelector('.codex-group')).toBeNull();
  });

  it('the badge setting lists the windows seen, by name', async () => {
    const root = await openPopup({ quotaState: quotaState({ a: withCodex }, 'a') });
    const settings = await openSection(root, 'Settings');
    const options = [...settings.querySelectorAll<HTMLOptionElement>('#badge-feature option')].map((option) => [
      option.value,
      option.textContent,
    ]);
    expect(options).toContainEqual(['codex:primary', 'Codex 5-hour window']);
    expect(options).toContainEqual(['codex:secondary', 'Codex Weekly window']);
  });
});
