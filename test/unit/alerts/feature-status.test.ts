import { describe, expect, it } from 'vitest';
import { meterOf } from '../../../lib/alerts/account-meters';
import { lowThreshold } from '../../../lib/alerts/low-threshold';
import type { MeterStatus as FeatureStatus } from '../../../lib/core/meter';
import { badgeFor } from '../../../lib/alerts/quota-badge';
import { meterConditions } from '../../../lib/alerts/meter-conditions';
import { emptyAccountState, type AccountState, type BlockedState, type FeatureState } from '../../../lib/core/quota-state';
import { popupView } from '../../../lib/view/popup-view';
import { codexView } from '../../../lib/view/codex-view';
import { chipInputFrom } from '../../../lib/view/chip-input';
import { chipViewOf } from '../../../lib/view/chip-view';
import { defaultSettings } from '../../../lib/alerts/settings';
import { applyCodexReading } from '../../../lib/core/apply-codex-usage';
import { emptyQuotaState, STATE_VERSION } from '../../../lib/core/quota-state';
import { codexReading, codexWindow } from '../core/codex-bodies';

/**
 * One rule for what a reading means now (lib/core/meter.ts meterStatus, through each kind's
 * adapter); the badge, the popup, the notifications and the page chip all follow it.
 */

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

const feature = (remaining: number, resetsAt: number | null, maxSeen = 40): FeatureState => ({
  name: 'image_gen',
  remaining,
  resetsAt,
  seenAt: NOW - HOUR,
  source: 'stream',
  maxSeen,
  windowNotStarted: false,
  resetEstimated: false,
});
const block = (resetsAt: number | null): BlockedState => ({
  name: 'image_gen',
  resetsAt,
  resetsAfterText: null,
  limit: null,
  description: null,
  reason: null,
});
const account = (features: FeatureState[], blocked: BlockedState[] = []): AccountState => ({
  ...emptyAccountState(),
  features: Object.fromEntries(features.map((state) => [state.name, state])),
  blocked,
});

const CASES: Array<[string, AccountState, FeatureStatus | null]> = [
  ['no reading lists it', account([]), null],
  ['plenty left', account([feature(25, NOW + HOUR)]), 'normal'],
  ['at the threshold', account([feature(10, NOW + HOUR)]), 'low'],
  ['none left', account([feature(0, NOW + HOUR)]), 'empty'],
  ['its reset has passed', account([feature(3, NOW - 1)]), 'stale'],
  ['no reset time: still current', account([feature(3, null)]), 'low'],
  ['blocked, whatever limits_progress says', account([feature(25, NOW + HOUR)], [block(NOW + HOUR)]), 'blocked'],
  ['blocked until a time now passed', account([feature(25, NOW + HOUR)], [block(NOW - 1)]), 'stale'],
  ['blocked with no end stated', account([], [block(null)]), 'blocked'],
];

/** The status of the feature's meter (lib/core/meter.ts meterStatus), or null when nothing lists it. */
const featureStatus = (state: AccountState, name: string, now: number, threshold: number) =>
  meterOf(state, name, { lowThresholds: { [name]: threshold } }, now)?.status ?? null;

describe('featureStatus', () => {
  it.each(CASES)('%s', (_name, state, expected) => {
    expect(featureStatus(state, 'image_gen', NOW, 10)).toBe(expected);
  });

  it.each(CASES)('%s: the badge, the popup and the notifications agree', (_name, state, expected) => {
    expect(badgeFor(state, NOW, { badgeFeature: 'image_gen', lowThresholds: {} }).status).toBe(expected ?? 'none');
    expect(popupView(state, NOW).features.find((view) => view.name === 'image_gen')?.status ?? null).toBe(expected);
    const condition = meterConditions(state, { lowThresholds: {} }, NOW)[0];
    const noticed = condition === undefined ? null : condition.exhausted ? 'exhausted' : condition.low ? 'low' : 'normal';
    const expectedNotice = { blocked: 'exhausted', empty: 'exhausted', low: 'low', normal: 'normal', stale: null }[expected ?? 'stale'];
    expect(noticed).toBe(expectedNotice);
    expect(chipStatus({ version: STATE_VERSION, accounts: { a: state }, activeAccount: 'a' }, 'image_gen')).toBe(expected ?? 'none');
  });
});

/** What the page chip shows for `name`, read from storage as the chip reads it (no zod). */
function chipStatus(quotaState: unknown, name: string): string {
  const input = chipInputFrom({ ...defaultSettings(), pageChip: true, badgeFeature: name }, quotaState, NOW);
  return chipViewOf(input!, NOW, (key) => key, 'en').status;
}

const WINDOW = 'codex:primary';
/** A Codex reading of one window, read an hour ago, as the background stores it. */
const codexState = (usedPercent: number | null, resetsAt: number | null = NOW + HOUR) =>
  applyCodexReading(
    emptyQuotaState(),
    codexReading(NOW - HOUR, { windows: usedPercent === null ? [] : [codexWindow('primary', usedPercent, resetsAt)] }),
    'a',
  );

const WINDOW_CASES: Array<[string, ReturnType<typeof codexState>, FeatureStatus | null]> = [
  ['no Codex reading', emptyQuotaState(), null],
  ['plenty left', codexState(37), 'normal'],
  ['at the default 20% left', codexState(80), 'low'],
  ['almost used up (1% left)', codexState(99.6), 'low'],
  ['used up', codexState(100), 'empty'],
  ['its reset has passed', codexState(37, NOW - 1), 'stale'],
  ['no reset time: still current', codexState(90, null), 'low'],
];

describe('a Codex window', () => {
  it.each(WINDOW_CASES)('%s: the badge, the popup, the notifications and the chip agree', (_name, quotaState, expected) => {
    const state = quotaState.accounts.a;
    expect(badgeFor(state, NOW, { badgeFeature: WINDOW, lowThresholds: {} }).status).toBe(expected ?? 'none');
    expect(codexView(state, NOW)?.windows.find((view) => view.name === WINDOW)?.status ?? null).toBe(expected);
    const condition =
      state === undefined ? undefined : meterConditions(state, { lowThresholds: {} }, NOW).find((entry) => entry.feature === WINDOW);
    const noticed = condition === undefined ? null : condition.exhausted ? 'exhausted' : condition.low ? 'low' : 'normal';
    const expectedNotice = { blocked: 'exhausted', empty: 'exhausted', low: 'low', normal: 'normal', stale: null }[expected ?? 'stale'];
    expect(noticed).toBe(expectedNotice);
    expect(chipStatus(quotaState, WINDOW)).toBe(expected ?? 'none');
  });
});

/** The account's threshold for a feature (lib/alerts/low-threshold.ts), from the most it has seen. */
const accountThreshold = (settings: { lowThresholds: Record<string, number> }, state: AccountState, name: string) =>
  lowThreshold(settings, { id: name, unit: 'count', mostSeen: state.features[name]?.maxSeen ?? null });

describe("lowThreshold of an account's feature", () => {
  it.each<[string, Record<string, number>, string, number]>([
    ['the user chose one', { image_gen: 3 }, 'image_gen', 3],
    ['images by default', {}, 'image_gen', 10],
    ['another feature: a fifth of the most seen', {}, 'deep_research', 5],
    ['a feature never seen', {}, 'file_upload', 0],
  ])('%s', (_name, lowThresholds, name, expected) => {
    const state = account([{ ...feature(25, null, 25), name: 'deep_research' }]);
    expect(accountThreshold({ lowThresholds }, state, name)).toBe(expected);
  });
});
