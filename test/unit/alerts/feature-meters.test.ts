import { describe, expect, it } from 'vitest';
import { featureMeters } from '../../../lib/alerts/feature-meters';
import type { Meter } from '../../../lib/core/meter';
import { emptyAccountState, type AccountState, type BlockedState, type FeatureState } from '../../../lib/core/quota-state';

/** Features as meters: one adapter, one table; every view reads what it gives (lib/core/meter.ts). */

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

const feature = (name: string, remaining: number, extra: Partial<FeatureState> = {}): FeatureState => ({
  name,
  remaining,
  resetsAt: NOW + HOUR,
  seenAt: NOW - HOUR,
  source: 'stream',
  maxSeen: remaining,
  windowNotStarted: false,
  resetEstimated: false,
  ...extra,
});
const block = (name: string, extra: Partial<BlockedState> = {}): BlockedState => ({
  name,
  resetsAt: NOW + 2 * HOUR,
  resetsAfterText: null,
  limit: null,
  description: null,
  reason: null,
  ...extra,
});
const account = (features: FeatureState[], blocked: BlockedState[] = []): AccountState => ({
  ...emptyAccountState(),
  features: Object.fromEntries(features.map((state) => [state.name, state])),
  blocked,
});

const DROPS = [
  { at: NOW - 3 * HOUR, remaining: 40 },
  { at: NOW - 2 * HOUR, remaining: 30 },
];

describe('featureMeters', () => {
  it.each<[string, AccountState, Record<string, number>, Partial<Meter>]>([
    [
      'a count read from the server',
      account([feature('image_gen', 25)]),
      {},
      {
        id: 'image_gen',
        group: 'features',
        label: { kind: 'feature', name: 'image_gen' },
        unit: 'count',
        left: 25,
        cap: null,
        mostSeen: 25,
        lowThreshold: 10,
        status: 'normal',
        blocked: false,
        resetsAt: NOW + HOUR,
        source: 'server',
        since: NOW - HOUR,
        points: [],
      },
    ],
    ['low at the default (10 for images)', account([feature('image_gen', 10)]), {}, { status: 'low', lowThreshold: 10 }],
    ["low at the user's threshold", account([feature('image_gen', 25)]), { image_gen: 30 }, { status: 'low', lowThreshold: 30 }],
    ['another feature: a fifth of the most seen', account([feature('deep_research', 5, { maxSeen: 25 })]), {}, { lowThreshold: 5 }],
    ['nothing left', account([feature('image_gen', 0, { maxSeen: 40 })]), {}, { status: 'empty', left: 0 }],
    ['past its reset', account([feature('image_gen', 3, { resetsAt: NOW - 1 })]), {}, { status: 'stale' }],
    ['no reset time: still current', account([feature('image_gen', 3, { resetsAt: null })]), {}, { status: 'low', resetsAt: null }],
    ['the most seen, below: a cap as far as seen', account([feature('image_gen', 30, { maxSeen: 40 })]), {}, { cap: null, mostSeen: 40 }],
    [
      'the drops seen this window',
      account([feature('image_gen', 40, { maxSeen: 40, points: DROPS })]),
      {},
      { cap: null, mostSeen: 40, points: DROPS },
    ],
    [
      'full until first use, reset estimated',
      account([feature('image_gen', 40, { windowNotStarted: true, resetEstimated: true })]),
      {},
      { windowNotStarted: true, resetEstimated: true },
    ],
    [
      'blocked, whatever the count says',
      account([feature('image_gen', 25)], [block('image_gen', { limit: 50 })]),
      {},
      { status: 'blocked', blocked: true, left: 0, resetsAt: NOW + 2 * HOUR, cap: { value: 50, source: 'limit' }, since: NOW - HOUR },
    ],
    [
      'blocked until a time now passed',
      account([feature('image_gen', 25)], [block('image_gen', { resetsAt: NOW - 1 })]),
      {},
      { status: 'stale' },
    ],
    [
      'blocked, no reading counted it',
      account([], [block('image_gen', { resetsAt: null })]),
      {},
      { status: 'blocked', left: 0, resetsAt: null, cap: null, mostSeen: null, since: null, points: [] },
    ],
  ])('%s', (_name, state, lowThresholds, expected) => {
    const [meter] = featureMeters(state, { lowThresholds }, NOW);
    expect(meter).toMatchObject(expected);
  });

  it('one meter per feature: listed ones in the order stored, then those only a block names, a block listed twice once', () => {
    const state = account(
      [feature('deep_research', 5), feature('image_gen', 20)],
      [block('file_upload'), block('image_gen'), block('file_upload')],
    );
    const meters = featureMeters(state, { lowThresholds: {} }, NOW);
    expect(meters.map((meter) => [meter.id, meter.status])).toEqual([
      ['deep_research', 'normal'],
      ['image_gen', 'blocked'],
      ['file_upload', 'blocked'],
    ]);
  });

  it('none for an account no reading listed', () => {
    expect(featureMeters(emptyAccountState(), { lowThresholds: {} }, NOW)).toEqual([]);
  });
});
