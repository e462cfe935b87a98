import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_TURN_KEYS,
  emptyModelCounts,
  modelCountsSchema,
  recordCapsSeen,
  recordTurn,
  resetModelCounts,
  type ModelCounts,
} from '../../../lib/core/model-counts';
import { COUNT_WINDOWS_MS, MAX_TIMES_PER_MODEL, countWithin, isAtLeast, nextFreedAt, windowCounts } from '../../../lib/core/rolling-window';

/**
 * The rolling windows of turns counted per model (lib/core/model-counts.ts): edges, clocks moved
 * back and forward, the bound, one count per turn key, caps seen, reset; and the property that no
 * count is negative or larger than the times kept.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 5, 12);
const [H3, H24, D7] = COUNT_WINDOWS_MS;
const ACCOUNT = 'acct-0123456789abcdef';

function turnsAt(times: number[], model = 'gpt-5-thinking'): ModelCounts {
  return times.reduce(
    (counts, at, index) => recordTurn(counts, ACCOUNT, model, `turn-${String(index).padStart(16, '0')}`, at),
    emptyModelCounts(),
  );
}
const timesOf = (counts: ModelCounts, model = 'gpt-5-thinking') => counts.accounts[ACCOUNT]?.models[model] ?? [];

describe('countWithin: a rolling window ending now', () => {
  it.each([
    ['now', [NOW], H3, 1],
    ['just inside 3 h', [NOW - H3 + 1], H3, 1],
    ['exactly 3 h ago is out', [NOW - H3], H3, 0],
    ['23:59 ago is in the day', [NOW - DAY + MINUTE], H24, 1],
    ['7 days ago is out of the week', [NOW - D7], D7, 0],
    ['a time after now (clock moved back) counts', [NOW + HOUR], H3, 1],
    ['mixed', [NOW - 4 * HOUR, NOW - 2 * HOUR, NOW - MINUTE], H3, 2],
    ['none', [], D7, 0],
  ])('%s', (_name, times, windowMs, expected) => {
    expect(countWithin(times, NOW, windowMs)).toBe(expected);
  });

  it('windowCounts gives 3 h, 24 h and 7 days', () => {
    expect(windowCounts([NOW - 5 * DAY, NOW - 10 * HOUR, NOW - HOUR, NOW - MINUTE], NOW)).toEqual([2, 3, 4]);
  });
});

describe('nextFreedAt: when the oldest counted turn leaves the window', () => {
  it.each([
    ['the oldest in the window', [NOW - 4 * HOUR, NOW - 2 * HOUR, NOW - HOUR], H3, NOW - 2 * HOUR + H3],
    ['none in the window', [NOW - 4 * HOUR], H3, null],
    ['a time after now is not a deadline', [NOW + HOUR], H3, null],
  ])('%s', (_name, times, windowMs, expected) => expect(nextFreedAt(times, NOW, windowMs)).toBe(expected));
});

describe('recordTurn', () => {
  it('one count per turn key: a resumed or replayed turn is not counted again', () => {
    const once = recordTurn(emptyModelCounts(), ACCOUNT, 'gpt-5', 'turn-aaaaaaaaaaaaaaaa', NOW);
    const again = recordTurn(once, ACCOUNT, 'gpt-5', 'turn-aaaaaaaaaaaaaaaa', NOW + MINUTE);
    expect(again).toBe(once);
    expect(timesOf(recordTurn(once, ACCOUNT, 'gpt-5', 'turn-bbbbbbbbbbbbbbbb', NOW + MINUTE), 'gpt-5')).toHaveLength(2);
  });

  it('a turn with no key is counted each time it is reported', () => {
    const twice = recordTurn(recordTurn(emptyModelCounts(), ACCOUNT, 'gpt-5', null, NOW), ACCOUNT, 'gpt-5', null, NOW);
    expect(timesOf(twice, 'gpt-5')).toEqual([NOW, NOW]);
  });

  it('times older than 7 days are dropped when the next turn is written', () => {
    const counts = turnsAt([NOW - 8 * DAY, NOW - 6 * DAY, NOW]);
    expect(timesOf(counts)).toEqual([NOW - 6 * DAY, NOW]);
  });

  it('a clock moved forward by more than a week drops what it leaves behind', () => {
    expect(timesOf(turnsAt([NOW, NOW + 8 * DAY]))).toEqual([NOW + 8 * DAY]);
  });

  it('a clock moved back keeps recent times and counts them in every window (errs towards less left)', () => {
    const counts = turnsAt([NOW, NOW - 2 * DAY]);
    expect(timesOf(counts)).toEqual([NOW, NOW - 2 * DAY]);
    expect(windowCounts(timesOf(counts), NOW - 2 * DAY)).toEqual([2, 2, 2]);
  });

  it(`keeps at most ${MAX_TIMES_PER_MODEL} times per model, the newest, and then says "at least"`, () => {
    const times = Array.from({ length: MAX_TIMES_PER_MODEL + 5 }, (_, index) => NOW - DAY + index * MINUTE);
    const kept = timesOf(turnsAt(times));
    expect(kept).toHaveLength(MAX_TIMES_PER_MODEL);
    expect(kept[0]).toBe(times[5]);
    const last = times.at(-1)!;
    expect(isAtLeast(kept, last, D7)).toBe(true);
    expect(isAtLeast(kept, last, H3)).toBe(false);
  });

  it(`remembers only the last ${MAX_TURN_KEYS} turn keys`, () => {
    const counts = turnsAt(Array.from({ length: MAX_TURN_KEYS + 10 }, (_, index) => NOW + index));
    expect(counts.accounts[ACCOUNT]?.turns).toHaveLength(MAX_TURN_KEYS);
  });

  it('keeps accounts apart', () => {
    const counts = recordTurn(turnsAt([NOW]), 'acct-fedcba9876543210', 'gpt-5-thinking', null, NOW);
    expect(Object.keys(counts.accounts).sort()).toEqual([ACCOUNT, 'acct-fedcba9876543210']);
    expect(timesOf(counts)).toEqual([NOW]);
  });

  it('what it writes reads back through the schema', () => {
    expect(modelCountsSchema.safeParse(turnsAt([NOW - HOUR, NOW])).success).toBe(true);
  });
});

describe('turns "auto" chose the model for', () => {
  const autoOf = (counts: ModelCounts) => counts.accounts[ACCOUNT]?.auto ?? {};

  it('are kept apart beside the times, bounded and dropped as they are', () => {
    let counts = recordTurn(emptyModelCounts(), ACCOUNT, 'gpt-5-thinking', null, NOW - 8 * DAY, true);
    counts = recordTurn(counts, ACCOUNT, 'gpt-5-thinking', null, NOW - HOUR, true);
    counts = recordTurn(counts, ACCOUNT, 'gpt-5-thinking', null, NOW);
    // The turn of 8 days ago was dropped with its time when the later ones were written.
    expect(autoOf(counts)).toEqual({ 'gpt-5-thinking': [NOW - HOUR] });
    expect(timesOf(counts)).toEqual([NOW - HOUR, NOW]);
    expect(modelCountsSchema.safeParse(counts).success).toBe(true);
  });

  it('counts stored before the field read back as none', () => {
    const older = { version: 1, accounts: { [ACCOUNT]: { models: { 'gpt-5': [NOW] }, turns: [], capsSeen: {} } } };
    expect(modelCountsSchema.safeParse(older).success).toBe(true);
  });

  it('"reset counts" forgets them with the model', () => {
    const counts = recordTurn(emptyModelCounts(), ACCOUNT, 'gpt-5-thinking', null, NOW, true);
    expect(autoOf(resetModelCounts(counts, ACCOUNT, 'gpt-5-thinking'))).toEqual({});
  });
});

describe('recordCapsSeen: what this browser had counted when model_limits first listed a model', () => {
  const limit = (model: string, resetsAt: number | null) => ({ model, fallback: 'gpt-5-mini', resetsAt, description: null });

  it('remembers the counts of each window at that moment', () => {
    const counts = recordCapsSeen(
      turnsAt([NOW - 2 * DAY, NOW - 5 * HOUR, NOW - HOUR, NOW - MINUTE]),
      ACCOUNT,
      [limit('gpt-5-thinking', NOW + 3 * HOUR)],
      NOW,
    );
    expect(counts.accounts[ACCOUNT]?.capsSeen['gpt-5-thinking']).toEqual({ at: NOW, until: NOW + 3 * HOUR, counts: [2, 3, 4] });
  });

  it('a listing of the same cap again (before its end) changes nothing; a new cap after it does', () => {
    const first = recordCapsSeen(turnsAt([NOW - MINUTE]), ACCOUNT, [limit('gpt-5-thinking', NOW + HOUR)], NOW);
    expect(recordCapsSeen(first, ACCOUNT, [limit('gpt-5-thinking', NOW + HOUR)], NOW + 10 * MINUTE)).toBe(first);
    const next = recordCapsSeen(first, ACCOUNT, [limit('gpt-5-thinking', NOW + DAY)], NOW + 2 * HOUR);
    expect(next.accounts[ACCOUNT]?.capsSeen['gpt-5-thinking']?.at).toBe(NOW + 2 * HOUR);
  });

  it('a model never counted here is remembered at 0; a name that is not a slug is not', () => {
    const counts = recordCapsSeen(emptyModelCounts(), ACCOUNT, [limit('o3-pro', null), limit('__proto__', null)], NOW);
    expect(counts.accounts[ACCOUNT]?.capsSeen).toEqual({ 'o3-pro': { at: NOW, until: null, counts: [0, 0, 0] } });
  });
});

describe('resetModelCounts', () => {
  it("forgets one model's times and cap seen, nothing else", () => {
    const counts = recordTurn(turnsAt([NOW]), ACCOUNT, 'gpt-5', null, NOW);
    const reset = resetModelCounts(counts, ACCOUNT, 'gpt-5-thinking');
    expect(Object.keys(reset.accounts[ACCOUNT]?.models ?? {})).toEqual(['gpt-5']);
  });
});

describe('property: counts are never negative and never exceed the times kept', () => {
  it('for any turns, clocks and windows', () => {
    const step = fc.record({
      offset: fc.integer({ min: -10 * DAY, max: 10 * DAY }),
      model: fc.constantFrom('a', 'b', 'c'),
      turn: fc.option(fc.constantFrom('turn-1', 'turn-2', 'turn-3', 'turn-4')),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: -10 * DAY, max: 10 * DAY }), (steps, probe) => {
        const counts = steps.reduce(
          (current, { offset, model, turn }) => recordTurn(current, ACCOUNT, model, turn, NOW + offset),
          emptyModelCounts(),
        );
        for (const times of Object.values(counts.accounts[ACCOUNT]?.models ?? {})) {
          expect(times.length).toBeLessThanOrEqual(MAX_TIMES_PER_MODEL);
          for (const windowMs of COUNT_WINDOWS_MS) {
            const count = countWithin(times, NOW + probe, windowMs);
            expect(count).toBeGreaterThanOrEqual(0);
            expect(count).toBeLessThanOrEqual(times.length);
          }
        }
        expect(modelCountsSchema.safeParse(counts).success).toBe(true);
      }),
    );
  });
});
