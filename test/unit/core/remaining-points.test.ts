import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../lib/core/apply-reading';
import { DEFAULT_ACCOUNT, emptyQuotaState, quotaStateFromStorage, type QuotaState } from '../../../lib/core/quota-state';
import { MAX_POINTS } from '../../../lib/core/remaining-points';
import { dropSeen } from '../../../lib/core/run-out-forecast';
import { HOUR, T0, feature, reading } from './readings';

/** The points a feature keeps in its window, as the reducer records them reading by reading. */

const MINUTE = 60_000;

/** image_gen readings: [minutes after T0, remaining, reset in hours after T0]. */
function pointsAfter(rows: [number, number, number][]) {
  const state = rows.reduce<QuotaState>(
    (folded, [minutes, remaining, resetHours]) =>
      applyReading(
        folded,
        reading(T0 + minutes * MINUTE, { source: 'stream', features: [feature('image_gen', remaining, T0 + resetHours * HOUR)] }),
      ),
    emptyQuotaState(),
  );
  return state.accounts[DEFAULT_ACCOUNT]?.features.image_gen?.points?.map(({ at, remaining }) => [(at - T0) / MINUTE, remaining]);
}

describe('remaining points of the current window', () => {
  it.each([
    { name: 'the first reading is the first point', rows: [[0, 50, 5]], expected: [[0, 50]] },
    {
      name: 'each change is a point',
      rows: [
        [0, 50, 5],
        [10, 49, 5],
        [20, 47, 5],
      ],
      expected: [
        [0, 50],
        [10, 49],
        [20, 47],
      ],
    },
    {
      name: 'a count read again unchanged adds nothing',
      rows: [
        [0, 50, 5],
        [10, 50, 5],
        [20, 49, 5],
        [30, 49, 5],
      ],
      expected: [
        [0, 50],
        [20, 49],
      ],
    },
    {
      name: 'a reading after the reset starts a new window',
      rows: [
        [0, 50, 5],
        [10, 40, 5],
        [6 * 60, 120, 29],
      ],
      expected: [[360, 120]],
    },
  ] as { name: string; rows: [number, number, number][]; expected: number[][] }[])('$name', ({ rows, expected }) => {
    expect(pointsAfter(rows)).toEqual(expected);
  });

  it(`keeps the last ${MAX_POINTS} changes`, () => {
    const rows = Array.from({ length: 40 }, (_, index): [number, number, number] => [index, 100 - index, 5]);
    const points = pointsAfter(rows);
    expect(points).toHaveLength(MAX_POINTS);
    expect(points?.at(-1)).toEqual([39, 61]);
  });

  it('a state stored before points existed reads back, and too many points are rejected', () => {
    const stored = applyReading(emptyQuotaState(), reading(T0, { features: [feature('image_gen', 5, T0 + HOUR)] }));
    const { points: _points, ...withoutPoints } = stored.accounts[DEFAULT_ACCOUNT]!.features.image_gen!;
    const older = {
      ...stored,
      accounts: { [DEFAULT_ACCOUNT]: { ...stored.accounts[DEFAULT_ACCOUNT], features: { image_gen: withoutPoints } } },
    };
    expect(quotaStateFromStorage(older).problem).toBeNull();
    const flooded = { ...withoutPoints, points: Array.from({ length: MAX_POINTS + 1 }, (_, index) => ({ at: T0 + index, remaining: 5 })) };
    const corrupted = {
      ...stored,
      accounts: { [DEFAULT_ACCOUNT]: { ...stored.accounts[DEFAULT_ACCOUNT], features: { image_gen: flooded } } },
    };
    expect(quotaStateFromStorage(corrupted).problem).toMatch(/points/);
  });

  it.each([
    [[], false],
    [[{ at: 0, remaining: 4 }], false],
    [
      [
        { at: 0, remaining: 4 },
        { at: 1, remaining: 5 },
      ],
      false,
    ],
    [
      [
        { at: 0, remaining: 5 },
        { at: 1, remaining: 4 },
      ],
      true,
    ],
  ])('dropSeen(%j) is %s', (points, expected) => {
    expect(dropSeen(points)).toBe(expected);
  });
});
