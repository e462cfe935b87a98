import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../lib/core/apply-reading';
import { readingFromFinding } from '../../../lib/core/finding-readings';
import { DEFAULT_ACCOUNT, emptyQuotaState, type FeatureState, type QuotaState } from '../../../lib/core/quota-state';
import type { Reading } from '../../../lib/core/quota-types';
import { historyStore } from '../../../lib/extension/history-store';
import {
  HISTORY_DAYS,
  emptyHistory,
  historySchema,
  localDayOf,
  recordUses,
  usesBetween,
  usesPerDay,
  type UsageHistory,
} from '../../../lib/core/usage-history';
import { feature, HOUR, reading } from './readings';

/**
 * Uses per local day, counted from drops of `remaining` within one window, the way the
 * background records them: fold a reading, compare the feature before and after.
 */

const MINUTE = 60_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 8, 15, 9, 0, 0);
const DAY_OF_T0 = Math.floor(T0 / DAY);

const images = (at: number, remaining: number, resetsAt: number | null = T0 + 10 * HOUR): Reading =>
  reading(at, { source: 'stream', features: [feature('image_gen', remaining, resetsAt)] });

function refusal(at: number): Reading {
  const result = readingFromFinding({ kind: 'refusal', carrier: 'stream', feature: 'image_gen', resetsInMs: 5 * HOUR }, at);
  if (result === null || !result.ok || result.kind !== 'quota') throw new Error('no refusal reading');
  return result.reading;
}

/** The image_gen state before and after the last reading, as finding-handler sees them. */
function lastStep(readings: Reading[]): { previous: FeatureState | undefined; next: FeatureState } {
  const fold = (list: Reading[]) => list.reduce<QuotaState>((state, next) => applyReading(state, next), emptyQuotaState());
  const previous = fold(readings.slice(0, -1)).accounts[DEFAULT_ACCOUNT]?.features.image_gen;
  const next = fold(readings).accounts[DEFAULT_ACCOUNT]?.features.image_gen;
  if (!next) throw new Error('no image_gen state');
  return { previous, next };
}

describe('usesBetween two readings of one feature', () => {
  it.each<[string, Reading[], number]>([
    ['a drop within the window counts', [images(T0, 117), images(T0 + HOUR, 110)], 7],
    ['the same count is no use', [images(T0, 50), images(T0 + HOUR, 50)], 0],
    ['a rise within the window (a refill) is no use', [images(T0, 10), images(T0 + HOUR, 50)], 0],
    ['a drop into a new window is not usage', [images(T0, 50, T0 + HOUR), images(T0 + 2 * HOUR, 40, T0 + 26 * HOUR)], 0],
    ['a drop at the very reset time is the new window', [images(T0, 50, T0 + HOUR), images(T0 + HOUR, 45, T0 + 25 * HOUR)], 0],
    ['the first reading has nothing to compare with', [images(T0, 30)], 0],
    ['with no reset time known, a drop counts', [images(T0, 25, null), images(T0 + DAY, 20, null)], 5],
    ["a refusal's 0 is not a count", [images(T0, 12), refusal(T0 + HOUR)], 0],
    ['the exact 0 after a refusal adds nothing', [images(T0, 12), refusal(T0 + HOUR), images(T0 + 2 * HOUR, 0)], 0],
    [
      'a full feature whose reset moves forward, then used once',
      [images(T0, 120, T0 + DAY), images(T0 + HOUR, 120, T0 + HOUR + DAY), images(T0 + 2 * HOUR, 119, T0 + 2 * HOUR + DAY)],
      1,
    ],
  ])('%s', (_name, readings, uses) => {
    const { previous, next } = lastStep(readings);
    expect(usesBetween(previous, next)).toBe(uses);
  });
});

describe('localDayOf', () => {
  const dayOf = (year: number, month: number, date: number) => Math.floor(Date.UTC(year, month - 1, date) / DAY);
  it.each<[string, number, number, number]>([
    ['UTC, a minute before midnight', Date.UTC(2026, 8, 15, 23, 59), 0, dayOf(2026, 9, 15)],
    ['UTC, midnight', Date.UTC(2026, 8, 16, 0, 0), 0, dayOf(2026, 9, 16)],
    ['UTC+8, 23:59:59 local', Date.UTC(2026, 8, 15, 15, 59, 59), -480, dayOf(2026, 9, 15)],
    ['UTC+8, local midnight (16:00 UTC)', Date.UTC(2026, 8, 15, 16, 0, 0), -480, dayOf(2026, 9, 16)],
    ['UTC+8, 01:00 local is already the next day there', Date.UTC(2026, 8, 15, 17, 0, 0), -480, dayOf(2026, 9, 16)],
    ['UTC-5, 23:59:59 local (04:59:59 UTC the next day)', Date.UTC(2026, 8, 16, 4, 59, 59), 300, dayOf(2026, 9, 15)],
    ['UTC-5, local midnight (05:00 UTC)', Date.UTC(2026, 8, 16, 5, 0, 0), 300, dayOf(2026, 9, 16)],
    ['UTC-5, 20:00 local is still the day before UTC', Date.UTC(2026, 8, 16, 1, 0, 0), 300, dayOf(2026, 9, 15)],
  ])('%s', (_name, time, offset, day) => {
    expect(localDayOf(time, offset)).toBe(day);
  });

  it('agrees with the zone this test runs in', () => {
    const time = T0 + 13 * HOUR + 17 * MINUTE;
    const local = new Date(time);
    expect(localDayOf(time, local.getTimezoneOffset())).toBe(
      Math.floor(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY),
    );
  });
});

describe('recordUses', () => {
  const days = (history: UsageHistory, account = DEFAULT_ACCOUNT, name = 'image_gen') => history.accounts[account]?.[name];

  it('adds up uses of one local day, and keeps days apart, oldest first', () => {
    let history = recordUses(emptyHistory(), DEFAULT_ACCOUNT, 'image_gen', 3, DAY_OF_T0);
    history = recordUses(history, DEFAULT_ACCOUNT, 'image_gen', 2, DAY_OF_T0);
    history = recordUses(history, DEFAULT_ACCOUNT, 'image_gen', 4, DAY_OF_T0 - 2);
    expect(days(history)).toEqual([
      [DAY_OF_T0 - 2, 4],
      [DAY_OF_T0, 5],
    ]);
    expect(historySchema.safeParse(history).success).toBe(true);
  });

  it.each([0, -3])('%i uses change nothing (the very same history)', (uses) => {
    const history = recordUses(emptyHistory(), DEFAULT_ACCOUNT, 'image_gen', 1, DAY_OF_T0);
    expect(recordUses(history, DEFAULT_ACCOUNT, 'image_gen', uses, DAY_OF_T0 + 1)).toBe(history);
  });

  it(`keeps the last ${HISTORY_DAYS} days only`, () => {
    let history = emptyHistory();
    for (let day = 0; day < 100; day++) history = recordUses(history, DEFAULT_ACCOUNT, 'image_gen', 1, DAY_OF_T0 - 99 + day);
    const kept = days(history) ?? [];
    expect(kept).toHaveLength(HISTORY_DAYS);
    expect(kept[0]?.[0]).toBe(DAY_OF_T0 - HISTORY_DAYS + 1);
    expect(kept.at(-1)?.[0]).toBe(DAY_OF_T0);
    expect(historySchema.safeParse(history).success).toBe(true);
  });

  it('a day far in the past is dropped by the next recent one', () => {
    let history = recordUses(emptyHistory(), DEFAULT_ACCOUNT, 'image_gen', 9, DAY_OF_T0 - HISTORY_DAYS);
    history = recordUses(history, DEFAULT_ACCOUNT, 'image_gen', 1, DAY_OF_T0);
    expect(days(history)).toEqual([[DAY_OF_T0, 1]]);
  });

  it('keeps at most 16 features per account, the most recently used, and always the one just used', () => {
    let history = emptyHistory();
    for (let index = 0; index < 20; index++) history = recordUses(history, DEFAULT_ACCOUNT, `feature_${index}`, 1, DAY_OF_T0 - 20 + index);
    history = recordUses(history, DEFAULT_ACCOUNT, 'feature_0', 1, DAY_OF_T0 - 30);
    const names = Object.keys(history.accounts[DEFAULT_ACCOUNT] ?? {});
    expect(names).toHaveLength(16);
    expect(names).toContain('feature_0');
    expect(names).toContain('feature_19');
    expect(names).not.toContain('feature_4');
  });

  it('keeps at most 10 accounts, and always the one just used', () => {
    let history = emptyHistory();
    for (let index = 0; index < 12; index++) history = recordUses(history, `account_${index}`, 'image_gen', 1, DAY_OF_T0 - 12 + index);
    expect(Object.keys(history.accounts)).toHaveLength(10);
    expect(history.accounts.account_11).toBeDefined();
    expect(history.accounts.account_0).toBeUndefined();
    expect(historySchema.safeParse(history).success).toBe(true);
  });
});

describe('usesPerDay', () => {
  const history = [
    [DAY_OF_T0 - 8, 50],
    [DAY_OF_T0 - 6, 4],
    [DAY_OF_T0 - 1, 7],
    [DAY_OF_T0, 2],
  ].reduce((current, [day, uses]) => recordUses(current, DEFAULT_ACCOUNT, 'image_gen', uses!, day!), emptyHistory());

  it('gives 7 days ending today, oldest first, with zeros for days without uses', () => {
    expect(usesPerDay(history, DEFAULT_ACCOUNT, 'image_gen', DAY_OF_T0)).toEqual([4, 0, 0, 0, 0, 7, 2]);
  });

  it('any number of days', () => {
    expect(usesPerDay(history, DEFAULT_ACCOUNT, 'image_gen', DAY_OF_T0, 3)).toEqual([0, 7, 2]);
    expect(usesPerDay(history, DEFAULT_ACCOUNT, 'image_gen', DAY_OF_T0, 9)).toEqual([50, 0, 4, 0, 0, 0, 0, 7, 2]);
  });

  it('zeros for a feature or account without history', () => {
    expect(usesPerDay(history, DEFAULT_ACCOUNT, 'deep_research', DAY_OF_T0)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(usesPerDay(history, 'acct-0123456789abcdef', 'image_gen', DAY_OF_T0)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('a day of readings, recorded as the background does', () => {
  it('counts the drops per local day in UTC+8, across local midnight, and not the refusal nor the new window', () => {
    const offset = -480;
    const localMidnight = Date.UTC(2026, 8, 15, 16, 0, 0);
    const windowEnd = localMidnight + 3 * HOUR;
    const readings = [
      images(localMidnight - 3 * HOUR, 40, windowEnd),
      images(localMidnight - 2 * HOUR, 35, windowEnd),
      images(localMidnight - MINUTE, 33, windowEnd),
      images(localMidnight + HOUR, 30, windowEnd),
      refusal(localMidnight + 2 * HOUR),
      images(localMidnight + 4 * HOUR, 120, windowEnd + DAY),
      images(localMidnight + 5 * HOUR, 118, windowEnd + DAY),
    ];
    let state = emptyQuotaState();
    let history = emptyHistory();
    for (const next of readings) {
      const previous = state.accounts[DEFAULT_ACCOUNT]?.features.image_gen;
      state = applyReading(state, next);
      const uses = usesBetween(previous, state.accounts[DEFAULT_ACCOUNT]!.features.image_gen!);
      history = recordUses(history, DEFAULT_ACCOUNT, 'image_gen', uses, localDayOf(next.receivedAt, offset));
    }
    const today = localDayOf(localMidnight, offset);
    expect(usesPerDay(history, DEFAULT_ACCOUNT, 'image_gen', today, 2)).toEqual([7, 5]);
  });
});

describe('historyStore.resolve', () => {
  it('reads back what was stored', () => {
    const history = recordUses(emptyHistory(), DEFAULT_ACCOUNT, 'image_gen', 3, DAY_OF_T0);
    expect(historyStore.resolve(JSON.parse(JSON.stringify(history))).value).toEqual(history);
  });

  it.each([
    ['nothing', undefined],
    ['another version', { version: 2, accounts: {} }],
    ['a negative count', { version: 1, accounts: { default: { image_gen: [[DAY_OF_T0, -1]] } } }],
    ['a day that is not whole', { version: 1, accounts: { default: { image_gen: [[1.5, 1]] } } }],
    [
      'too many days',
      { version: 1, accounts: { default: { image_gen: Array.from({ length: HISTORY_DAYS + 1 }, (_, index) => [index, 1]) } } },
    ],
    ['text', 'history'],
  ])('%s reads as an empty history', (_name, value) => {
    expect(historyStore.resolve(value).value).toEqual(emptyHistory());
  });
});
