import { describe, expect, it } from 'vitest';
import { accountMeters } from '../../../lib/alerts/account-meters';
import { countedMeters } from '../../../lib/alerts/counted-meters';
import { dueNotices, pendingRefills, refillNotice } from '../../../lib/alerts/notification-policy';
import { recordSent } from '../../../lib/alerts/notice-ledger';
import { defaultSettings, type Settings } from '../../../lib/alerts/settings';
import { meterRunOut } from '../../../lib/core/run-out-forecast';

/**
 * A model the user capped, as a meter (lib/alerts/counted-meters.ts): what is left of the cap in
 * its rolling window, low at a fifth of it by the one threshold rule, always `source: 'counted'`;
 * no cap, no meter. Through the notification policy: one low notice, one used-up, no refill.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2026, 11, 5, 12);
const CAP = { 'gpt-5-thinking': { limit: 5, windowHours: 3 } };
const settings = (extra: Partial<Settings> = {}) => ({ ...defaultSettings(), modelCaps: CAP, ...extra });
const account = (times: number[]) => ({ features: {}, blocked: [], counted: { models: { 'gpt-5-thinking': times } } });

describe('countedMeters', () => {
  it.each([
    ['nothing counted', [], 5, 'normal'],
    ['two in the window, one before it', [NOW - 4 * HOUR, NOW - HOUR, NOW - MINUTE], 3, 'normal'],
    ['four: 1 left is low (a fifth of 5)', [1, 2, 3, 4].map((n) => NOW - n * MINUTE), 1, 'low'],
    ['five: used up', [1, 2, 3, 4, 5].map((n) => NOW - n * MINUTE), 0, 'empty'],
    ['seven: never below 0', [1, 2, 3, 4, 5, 6, 7].map((n) => NOW - n * MINUTE), 0, 'empty'],
  ])('%s', (_name, times, left, status) => {
    const [meter] = countedMeters(account(times), settings(), NOW);
    expect(meter).toMatchObject({ id: 'counted:gpt-5-thinking', group: 'counted', unit: 'messages', left, status, source: 'counted' });
    expect(meter?.cap).toEqual({ value: 5, source: 'limit' });
  });

  it("the user's threshold for the meter wins over a fifth of the cap", () => {
    const [meter] = countedMeters(
      account([NOW - MINUTE, NOW - 2 * MINUTE]),
      settings({ lowThresholds: { 'counted:gpt-5-thinking': 3 } }),
      NOW,
    );
    expect(meter?.status).toBe('low');
  });

  it('its "reset" is when the oldest counted turn leaves the window: one more left then', () => {
    const [meter] = countedMeters(account([NOW - 2 * HOUR, NOW - HOUR]), settings(), NOW);
    expect(meter?.resetsAt).toBe(NOW + HOUR);
  });

  it('no cap, no meter: counted turns alone are not a limit', () => {
    expect(countedMeters(account([NOW]), settings({ modelCaps: {} }), NOW)).toEqual([]);
    expect(accountMeters(account([NOW]), { lowThresholds: {} }, NOW)).toEqual([]);
  });

  it('a cap for a model never counted is a full meter', () => {
    expect(countedMeters({}, settings(), NOW)[0]).toMatchObject({ left: 5, status: 'normal', resetsAt: null });
  });

  it('the forecast reads the pace of the counted turns', () => {
    const times = [NOW - 90 * MINUTE, NOW - 60 * MINUTE, NOW - 30 * MINUTE];
    const [meter] = countedMeters(account(times), { ...settings(), modelCaps: { 'gpt-5-thinking': { limit: 10, windowHours: 24 } } }, NOW);
    expect(meterRunOut(meter!, NOW)?.runsOutAt).toBeGreaterThan(NOW);
  });
});

describe('the notices of a counted meter', () => {
  const base = {
    features: {},
    blocked: [],
    cooldowns: [],
    modelLimits: [],
    defaultModel: null,
    plan: null,
    lastReading: null,
    unknownFields: [],
  };
  const on = settings({ notifications: true });
  const at = (times: number[]) =>
    ({ ...base, counted: { models: { 'gpt-5-thinking': times } } }) as unknown as Parameters<typeof dueNotices>[1];

  it('low once, then used up once, and no refill for a rolling window', () => {
    const four = [4, 3, 2, 1].map((n) => NOW - n * MINUTE);
    const low = dueNotices('default', at(four), on, {}, NOW);
    expect(low.map((notice) => [notice.kind, notice.feature])).toEqual([['low', 'counted:gpt-5-thinking']]);
    const ledger = recordSent({}, low, NOW);
    expect(dueNotices('default', at(four), on, ledger, NOW + MINUTE)).toEqual([]);
    const used = dueNotices('default', at([...four, NOW]), on, ledger, NOW + MINUTE);
    expect(used.map((notice) => notice.kind)).toEqual(['exhausted']);
    const after = recordSent(ledger, used, NOW + MINUTE);
    expect(pendingRefills(after)).toEqual([]);
    expect(refillNotice(after, low[0]!.id, NOW + 4 * HOUR)).toBeNull();
  });
});
