import { MAX_SEEN_ONCE } from '../../../lib/core/account-eviction';
import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../lib/core/apply-reading';
import {
  DEFAULT_ACCOUNT,
  MAX_ACCOUNTS,
  MAX_FEATURES_PER_ACCOUNT,
  MAX_UNKNOWN_FIELDS,
  emptyQuotaState,
  quotaStateSchema,
  type QuotaState,
} from '../../../lib/core/quota-state';
import type { Reading } from '../../../lib/core/quota-types';
import { block, feature, HOUR, reading, T0 } from './readings';

const DAY = 24 * HOUR;

function fold(readings: Reading[], start: QuotaState = emptyQuotaState()): QuotaState {
  return readings.reduce((state, next) => applyReading(state, next), start);
}

function imageState(readings: Reading[]) {
  return fold(readings).accounts[DEFAULT_ACCOUNT]?.features.image_gen;
}

/** A feature that stays full: the server answers reset_after = now + window on every response. */
const full = (at: number) => reading(at, { features: [feature('image_gen', 120, at + DAY)] });

describe('maxSeen: the largest remaining seen in the current window', () => {
  it.each([
    ['the first reading', [reading(T0, { features: [feature('image_gen', 117, T0 + DAY)] })], 117],
    [
      'a drop within the window keeps the larger count',
      [
        reading(T0, { features: [feature('image_gen', 117, T0 + DAY)] }),
        reading(T0 + HOUR, { features: [feature('image_gen', 90, T0 + DAY)] }),
      ],
      117,
    ],
    [
      'a new window starts again from its own count',
      [
        reading(T0, { features: [feature('image_gen', 117, T0 + DAY)] }),
        reading(T0 + DAY, { features: [feature('image_gen', 100, T0 + 2 * DAY)] }),
      ],
      100,
    ],
    [
      'with no reset time known, every reading is the same window',
      [reading(T0, { features: [feature('image_gen', 25, null)] }), reading(T0 + 40 * DAY, { features: [feature('image_gen', 3, null)] })],
      25,
    ],
    [
      'a reading that does not list the feature changes nothing',
      [reading(T0, { features: [feature('image_gen', 117, T0 + DAY)] }), reading(T0 + 2 * DAY, { features: null })],
      117,
    ],
  ])('%s', (_name, readings, maxSeen) => {
    expect(imageState(readings)?.maxSeen).toBe(maxSeen);
  });
});

describe('windowNotStarted: the reset time moves forward while the count does not drop', () => {
  it.each([
    ['one reading says nothing yet', [full(T0)], false],
    ['full twice, reset time moved forward', [full(T0), full(T0 + HOUR)], true],
    ['still full a third time', [full(T0), full(T0 + HOUR), full(T0 + 2 * HOUR)], true],
    [
      'the first use fixes the reset time: started',
      [full(T0), full(T0 + HOUR), reading(T0 + 2 * HOUR, { features: [feature('image_gen', 119, T0 + 2 * HOUR + DAY)] })],
      false,
    ],
    [
      'the same reset time twice: started',
      [
        reading(T0, { features: [feature('image_gen', 50, T0 + DAY)] }),
        reading(T0 + HOUR, { features: [feature('image_gen', 50, T0 + DAY)] }),
      ],
      false,
    ],
    [
      'after a reset, a used count with a later reset time is not known to be full',
      [
        reading(T0, { features: [feature('image_gen', 5, T0 + HOUR)] }),
        reading(T0 + 2 * HOUR, { features: [feature('image_gen', 119, T0 + 2 * HOUR + DAY)] }),
      ],
      false,
    ],
    [
      'an unknown reset time says nothing',
      [
        reading(T0, { features: [feature('image_gen', 120, null)] }),
        reading(T0 + HOUR, { features: [feature('image_gen', 120, T0 + DAY)] }),
      ],
      false,
    ],
  ])('%s', (_name, readings, expected) => {
    expect(imageState(readings)?.windowNotStarted).toBe(expected);
  });
});

describe('what each reading replaces and what it leaves', () => {
  const first = reading(T0, {
    features: [feature('image_gen', 50, T0 + DAY), feature('deep_research', 25, T0 + 30 * DAY)],
    blocked: [block('file_upload', T0 + HOUR)],
    modelLimits: [{ model: 'gpt-5-6', fallback: 'gpt-5-3', resetsAt: T0 + HOUR, description: null }],
    defaultModel: 'gpt-5-6',
    unknownFields: ['surprise'],
  });

  it('the first reading is stored as it came', () => {
    const account = fold([first]).accounts[DEFAULT_ACCOUNT];
    expect(account).toMatchObject({
      blocked: [block('file_upload', T0 + HOUR)],
      modelLimits: [{ model: 'gpt-5-6', fallback: 'gpt-5-3', resetsAt: T0 + HOUR, description: null }],
      defaultModel: 'gpt-5-6',
      lastReading: { at: T0, source: 'init' },
      unknownFields: ['surprise'],
    });
    expect(account?.features.image_gen).toEqual({
      name: 'image_gen',
      remaining: 50,
      resetsAt: T0 + DAY,
      resetEstimated: false,
      seenAt: T0,
      source: 'init',
      maxSeen: 50,
      windowNotStarted: false,
      points: [{ at: T0, remaining: 50 }],
    });
  });

  it('a reading with only null fields keeps everything but the time of the last reading (and ends the quarantine)', () => {
    const before = fold([first]).accounts[DEFAULT_ACCOUNT];
    const after = fold([first, reading(T0 + HOUR, { source: 'stream' })]).accounts[DEFAULT_ACCOUNT];
    expect(before?.seenOnce).toBe(true);
    const { seenOnce: _quarantine, ...established } = before!;
    expect(after).toEqual({ ...established, lastReading: { at: T0 + HOUR, source: 'stream' } });
  });

  it('empty lists are the truth: nothing blocked, no model capped', () => {
    const after = fold([first, reading(T0 + HOUR, { blocked: [], modelLimits: [] })]).accounts[DEFAULT_ACCOUNT];
    expect(after?.blocked).toEqual([]);
    expect(after?.modelLimits).toEqual([]);
  });

  it('a full reading replaces the blocked list', () => {
    const after = fold([first, reading(T0 + HOUR, { blocked: [block('image_gen')] })]).accounts[DEFAULT_ACCOUNT];
    expect(after?.blocked.map((entry) => entry.name)).toEqual(['image_gen']);
  });

  it('features it does not list are kept, with the time they were seen', () => {
    const after = fold([first, reading(T0 + HOUR, { source: 'stream', features: [feature('image_gen', 49, T0 + DAY)] })]).accounts[
      DEFAULT_ACCOUNT
    ];
    expect(after?.features.deep_research).toMatchObject({ remaining: 25, seenAt: T0, source: 'init' });
    expect(after?.features.image_gen).toMatchObject({ remaining: 49, seenAt: T0 + HOUR, source: 'stream' });
  });

  it('unknown field names gather, newest first, without repeats, bounded', () => {
    const names = Array.from({ length: MAX_UNKNOWN_FIELDS + 5 }, (_, index) => `field_${index}`);
    const after = fold([first, reading(T0 + 1, { unknownFields: ['other', 'surprise'] }), reading(T0 + 2, { unknownFields: names })]);
    const unknown = after.accounts[DEFAULT_ACCOUNT]?.unknownFields ?? [];
    expect(fold([first, reading(T0 + 1, { unknownFields: ['other', 'surprise'] })]).accounts[DEFAULT_ACCOUNT]?.unknownFields).toEqual([
      'other',
      'surprise',
    ]);
    expect(unknown).toHaveLength(MAX_UNKNOWN_FIELDS);
    expect(unknown.slice(0, 3)).toEqual(['field_0', 'field_1', 'field_2']);
  });

  it('does not change the state it was given', () => {
    const start = fold([first]);
    const copy = structuredClone(start);
    applyReading(start, reading(T0 + HOUR, { features: [feature('image_gen', 1, T0 + DAY)], blocked: [], unknownFields: ['x'] }));
    expect(start).toEqual(copy);
  });
});

describe('bounds', () => {
  it(`keeps at most ${MAX_FEATURES_PER_ACCOUNT} features, the most recently seen`, () => {
    const many = Array.from({ length: 150 }, (_, index) => reading(T0 + index, { features: [feature(`feature_${index}`, index, null)] }));
    const features = fold(many).accounts[DEFAULT_ACCOUNT]?.features ?? {};
    expect(Object.keys(features)).toHaveLength(MAX_FEATURES_PER_ACCOUNT);
    expect(features.feature_149?.remaining).toBe(149);
    expect(features.feature_0).toBeUndefined();
  });

  it(`keeps at most ${MAX_ACCOUNTS} accounts; one silent for over 60 days makes room, the least recently seen first`, () => {
    let state = emptyQuotaState();
    for (let index = 0; index < MAX_ACCOUNTS; index++) {
      // Two readings each: past the quarantine of accounts seen once.
      for (const at of [T0 + index, T0 + index + 0.5])
        state = applyReading(state, reading(at, { features: [feature('image_gen', index, null)] }), `account-${index}`);
    }
    state = applyReading(state, reading(T0 + 61 * DAY, { features: [feature('image_gen', 1, null)] }), 'account-new');
    expect(Object.keys(state.accounts)).toHaveLength(MAX_ACCOUNTS);
    expect(state.activeAccount).toBe('account-new');
    expect(state.accounts['account-1']).toBeDefined();
    expect(state.accounts['account-0']).toBeUndefined();
  });

  it('a newcomer never pushes out an account seen twice: with no room it is not kept', () => {
    let state = emptyQuotaState();
    for (let index = 0; index < MAX_ACCOUNTS; index++) {
      for (const at of [T0 + index, T0 + index + 0.5])
        state = applyReading(state, reading(at, { features: [feature('image_gen', index, null)] }), `account-${index}`);
    }
    const full = state;
    state = applyReading(state, reading(T0 + HOUR, { features: [feature('image_gen', 1, null)] }), 'newcomer');
    expect(state).toBe(full);
  });

  it(`newcomers are quarantined: at most ${MAX_SEEN_ONCE} of them, the oldest out first, none of the others touched`, () => {
    let state = emptyQuotaState();
    for (const at of [T0, T0 + 1]) state = applyReading(state, reading(at, { features: [feature('image_gen', 9, null)] }), 'real');
    for (let index = 0; index < 50; index++)
      state = applyReading(state, reading(T0 + 10 + index, { features: [feature('image_gen', index, null)] }), `forged-${index}`);
    expect(Object.keys(state.accounts).sort()).toEqual(['forged-47', 'forged-48', 'forged-49', 'real']);
    expect(state.accounts.real?.features.image_gen?.remaining).toBe(9);
  });

  it('the state after a real-looking day passes the stored-state schema', () => {
    const day = [
      full(T0),
      full(T0 + HOUR),
      reading(T0 + 2 * HOUR, { features: [feature('image_gen', 0, T0 + DAY)], blocked: [block('image_gen', T0 + DAY)] }),
    ];
    expect(quotaStateSchema.safeParse(fold(day)).success).toBe(true);
  });
});
