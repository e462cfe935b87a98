import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meterRunOut, type RemainingPoint } from '../../../lib/core/run-out-forecast';

/** The forecast of a meter with these points and this reset. */
const forecastRunOut = (points: readonly RemainingPoint[], resetsAt: number | null, now: number) => meterRunOut({ points, resetsAt }, now);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 8, 15, 9, 0, 0);

/** [minutes after T0, remaining] pairs as points. */
const points = (...pairs: [number, number][]): RemainingPoint[] =>
  pairs.map(([minutes, remaining]) => ({ at: T0 + minutes * MINUTE, remaining }));

/** One drop of `by` every `every` minutes, `count` times, from `start` at T0. */
function steady(start: number, count: number, every: number, by = 1): RemainingPoint[] {
  return Array.from({ length: count + 1 }, (_, index) => ({ at: T0 + index * every * MINUTE, remaining: start - index * by }));
}

describe('forecastRunOut', () => {
  it.each([
    {
      name: 'steady use: 9 used in the last 3 hours, 31 left, runs out about 10 h 20 min later, before a reset in 12 hours',
      series: steady(40, 9, 20),
      resetsAt: T0 + 15 * HOUR,
      now: T0 + 3 * HOUR,
      expected: { runsOutAt: T0 + 3 * HOUR + (31 / 9) * 3 * HOUR, beforeReset: true },
    },
    {
      name: 'steady slow use: lasts past the reset',
      series: steady(100, 3, 60),
      resetsAt: T0 + 10 * HOUR,
      now: T0 + 3 * HOUR,
      expected: { runsOutAt: T0 + 3 * HOUR + (97 / 3) * 3 * HOUR, beforeReset: false },
    },
    {
      name: 'a burst in a young window: measured over 30 minutes, not the 2 it took (4 h 30 min left, reset in 5 h)',
      series: points([0, 20], [1, 19], [2, 18]),
      resetsAt: T0 + 5 * HOUR,
      now: T0 + 2 * MINUTE,
      expected: { runsOutAt: T0 + 2 * MINUTE + (18 / 2) * 30 * MINUTE, beforeReset: true },
    },
    {
      name: 'two bursts hours apart: only the recent one sets the pace, over the last 3 hours',
      series: points([0, 50], [5, 45], [10, 40], [300, 35], [305, 30]),
      resetsAt: T0 + 20 * HOUR,
      now: T0 + 306 * MINUTE,
      expected: { runsOutAt: T0 + 306 * MINUTE + (30 / 10) * 3 * HOUR, beforeReset: true },
    },
    {
      name: 'idle for an hour after the drops: the idle time slows the pace',
      series: points([0, 10], [30, 8], [60, 6]),
      resetsAt: T0 + 5 * HOUR,
      now: T0 + 120 * MINUTE,
      expected: { runsOutAt: T0 + 120 * MINUTE + (6 / 4) * 120 * MINUTE, beforeReset: false },
    },
    {
      name: 'percent left (a Codex window): fractions work the same way',
      series: points([0, 100], [60, 87.5], [120, 75]),
      resetsAt: T0 + 5 * HOUR,
      now: T0 + 120 * MINUTE,
      expected: { runsOutAt: T0 + 120 * MINUTE + (75 / 25) * 120 * MINUTE, beforeReset: false },
    },
    {
      name: 'reset time unknown: the time, and no claim about the reset',
      series: points([0, 10], [30, 8], [60, 6]),
      resetsAt: null,
      now: T0 + 60 * MINUTE,
      expected: { runsOutAt: T0 + 60 * MINUTE + (6 / 4) * 60 * MINUTE, beforeReset: null },
    },
    {
      name: 'a refill in between: only the drops after it count',
      series: points([0, 10], [30, 5], [60, 1], [90, 40], [100, 38], [120, 36]),
      resetsAt: T0 + 10 * HOUR,
      now: T0 + 120 * MINUTE,
      expected: { runsOutAt: T0 + 120 * MINUTE + (36 / 4) * 30 * MINUTE, beforeReset: true },
    },
    {
      name: 'points out of order and repeated readings of the same count',
      series: points([60, 6], [0, 10], [45, 8], [30, 8], [50, 8]),
      resetsAt: T0 + 5 * HOUR,
      now: T0 + 60 * MINUTE,
      expected: { runsOutAt: T0 + 60 * MINUTE + (6 / 4) * 60 * MINUTE, beforeReset: true },
    },
  ])('$name', ({ series, resetsAt, now, expected }) => {
    const forecast = forecastRunOut(series, resetsAt, now);
    expect(forecast).not.toBeNull();
    expect(forecast?.runsOutAt).toBeCloseTo(expected.runsOutAt, -1);
    expect(forecast?.beforeReset).toBe(expected.beforeReset);
  });

  it.each([
    { name: 'no points', series: [], resetsAt: T0 + HOUR, now: T0 },
    { name: 'one reading', series: points([0, 10]), resetsAt: T0 + HOUR, now: T0 + MINUTE },
    { name: 'one drop', series: points([0, 10], [10, 9]), resetsAt: T0 + HOUR, now: T0 + 20 * MINUTE },
    {
      name: 'the same count read again and again',
      series: points([0, 10], [10, 10], [20, 10]),
      resetsAt: T0 + HOUR,
      now: T0 + 30 * MINUTE,
    },
    {
      name: 'one drop since a refill (two before it)',
      series: points([0, 10], [5, 9], [10, 8], [20, 30], [30, 29]),
      resetsAt: T0 + 5 * HOUR,
      now: T0 + HOUR,
    },
    {
      name: 'the reset has passed: the count is not current',
      series: points([0, 10], [10, 8], [20, 6]),
      resetsAt: T0 + 25 * MINUTE,
      now: T0 + 30 * MINUTE,
    },
    {
      name: 'idle for hours: no drop in the last 3 hours',
      series: points([0, 10], [10, 8], [20, 6]),
      resetsAt: T0 + 12 * HOUR,
      now: T0 + 4 * HOUR,
    },
    {
      name: 'nothing left: it has run out already',
      series: points([0, 2], [10, 1], [20, 0]),
      resetsAt: T0 + 5 * HOUR,
      now: T0 + 30 * MINUTE,
    },
    { name: 'drops only in the future (clock skew)', series: points([0, 10], [10, 8], [20, 6]), resetsAt: T0 + 5 * HOUR, now: T0 - MINUTE },
  ])('too little to go on: $name', ({ series, resetsAt, now }) => {
    expect(forecastRunOut(series, resetsAt, now)).toBeNull();
  });

  it('never throws and never forecasts a time before now or a non-finite one', () => {
    const point = fc.record({
      at: fc.integer({ min: T0 - 10 * HOUR, max: T0 + 10 * HOUR }),
      remaining: fc.double({ min: -10, max: 1e6, noNaN: false }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 40 }),
        fc.option(fc.integer({ min: T0 - HOUR, max: T0 + 48 * HOUR })),
        (series, resetsAt) => {
          const forecast = forecastRunOut(series, resetsAt, T0);
          if (forecast === null) return;
          expect(Number.isFinite(forecast.runsOutAt)).toBe(true);
          expect(forecast.runsOutAt).toBeGreaterThanOrEqual(T0);
          expect(forecast.beforeReset).toBe(resetsAt === null ? null : forecast.runsOutAt < resetsAt);
        },
      ),
    );
  });
});
