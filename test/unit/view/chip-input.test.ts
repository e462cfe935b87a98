import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/alerts/settings';
import { badgeFor } from '../../../lib/alerts/quota-badge';
import {
  activeAccountState,
  emptyAccountState,
  emptyQuotaState,
  quotaStateFromStorage,
  type QuotaState,
} from '../../../lib/core/quota-state';
import { chipInputFrom } from '../../../lib/view/chip-input';
import { chipViewOf, type ChipMessageKey } from '../../../lib/view/chip-view';

/**
 * The page chip reads storage without zod (chip-input.ts). On a valid state it must show what the
 * badge shows; on anything it cannot read it shows "no reading", never throws.
 */

const NOW = Date.UTC(2026, 10, 30, 1, 0);
const on = { ...defaultSettings(), pageChip: true };
const feature = (remaining: number, resetsAt: number | null, extra: object = {}) => ({
  name: 'image_gen',
  remaining,
  resetsAt,
  seenAt: NOW - 1000,
  source: 'init',
  maxSeen: 40,
  windowNotStarted: false,
  resetEstimated: false,
  ...extra,
});

function stateWith(account: object): QuotaState {
  const state = emptyQuotaState();
  return { ...state, accounts: { [state.activeAccount]: { ...emptyAccountState(), ...account } } } as QuotaState;
}

const translate = (key: ChipMessageKey, substitutions?: string[]) => `${key}${substitutions ? `(${substitutions.join(',')})` : ''}`;

describe('the chip is on only when the settings say pageChip: true', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['on', false],
    [[], false],
    [{ pageChip: 'true', badgeFeature: 'image_gen' }, false],
    [defaultSettings(), false],
    [on, true],
  ])('%j → %s', (settings, expected) => expect(chipInputFrom(settings, emptyQuotaState(), NOW) !== null).toBe(expected));
});

describe('chipInputFrom on valid states gives the badge view', () => {
  const states: [string, QuotaState][] = [
    ['empty', emptyQuotaState()],
    ['normal', stateWith({ features: { image_gen: feature(30, NOW + 3_600_000) } })],
    ['low', stateWith({ features: { image_gen: feature(3, NOW + 3_600_000) } })],
    ['empty count', stateWith({ features: { image_gen: feature(0, NOW + 3_600_000) } })],
    ['stale', stateWith({ features: { image_gen: feature(5, NOW - 1) } })],
    ['no reset time', stateWith({ features: { image_gen: feature(5, null) } })],
    [
      'blocked',
      stateWith({
        features: { image_gen: feature(5, NOW + 9) },
        blocked: [{ name: 'image_gen', resetsAt: NOW + 60_000, resetsAfterText: null, limit: null, description: null, reason: null }],
      }),
    ],
  ];
  it.each(states)('%s', (_name, state) => {
    expect(quotaStateFromStorage(state).problem).toBeNull();
    const input = chipInputFrom(on, state, NOW);
    const badge = badgeFor(activeAccountState(state), NOW, { badgeFeature: 'image_gen', lowThresholds: {} });
    const view = chipViewOf(input!, NOW, translate, 'en');
    expect({ status: view.status, count: view.count }).toEqual({ status: badge.status, count: badge.text || '–' });
  });

  it('says when the window has not started, and the countdown otherwise', () => {
    const full = chipInputFrom(on, stateWith({ features: { image_gen: feature(40, NOW + 3_600_000, { windowNotStarted: true }) } }), NOW);
    expect(chipViewOf(full!, NOW, translate, 'en').detail).toBe('chip_full');
    const counting = chipInputFrom(on, stateWith({ features: { image_gen: feature(4, NOW + 3_600_000) } }), NOW);
    expect(chipViewOf(counting!, NOW, translate, 'en').detail).toMatch(/^chip_resetsIn\(.+\)$/);
  });

  it("uses the user's low threshold", () => {
    const state = stateWith({ features: { image_gen: feature(30, NOW + 3_600_000) } });
    expect(chipInputFrom({ ...on, lowThresholds: { image_gen: 30 } }, state, NOW)?.meter?.lowThreshold).toBe(30);
    expect(chipInputFrom({ ...on, lowThresholds: { image_gen: -1 } }, state, NOW)?.meter?.lowThreshold).toBe(10);
  });
});

describe('chipInputFrom on what it cannot read', () => {
  it.each([
    ['chip off', defaultSettings(), emptyQuotaState(), null],
    ['no badge feature', { ...on, badgeFeature: null }, emptyQuotaState(), null],
    ['badge feature not a string', { ...on, badgeFeature: 7 }, emptyQuotaState(), null],
  ])('%s → null', (_name, settings, state, expected) => expect(chipInputFrom(settings, state, NOW)).toBe(expected));

  it.each([
    ['state not an object', 'garbage'],
    ['accounts not an object', { version: 1, accounts: [], activeAccount: 'default' }],
    ['active account missing', { version: 1, accounts: {}, activeAccount: 'other' }],
    ['active account inherited', { version: 1, accounts: {}, activeAccount: '__proto__' }],
    ['remaining negative', stateWith({ features: { image_gen: feature(-1, null) } })],
    ['remaining a string', stateWith({ features: { image_gen: feature('5' as unknown as number, null) } })],
    ['reset time not a number', stateWith({ features: { image_gen: feature(5, 'soon' as unknown as number) } })],
    ['blocked not a list', stateWith({ blocked: { image_gen: true } })],
  ])('%s → no reading', (_name, state) => {
    const input = chipInputFrom(on, state, NOW);
    expect(input).not.toBeNull();
    expect(chipViewOf(input!, NOW, translate, 'en')).toMatchObject({ status: 'none', count: '–', detail: 'chip_noReading' });
  });
});
