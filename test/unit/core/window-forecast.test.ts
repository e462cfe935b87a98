import { describe, expect, it } from 'vitest';
import { meterRunOut } from '../../../lib/core/run-out-forecast';
import { windowMeters } from '../../../lib/alerts/window-meters';
import type { WindowSample } from '../../../lib/core/codex-state';

/** The run-out forecast of a Codex window's meter: its shares used, read as percent left counting down. */

/** The forecast of a window with these samples, through its meter (lib/alerts/window-meters.ts). */
function windowRunOut({ samples, resetsAt }: { samples: WindowSample[]; resetsAt: number | null }, now: number) {
  const window = { name: 'codex:primary', usedPercent: samples.at(-1)?.usedPercent ?? 0, resetsAt, samples };
  return meterRunOut(windowMeters({ codex: { windows: [window] } }, { lowThresholds: {} }, now)[0]!, now);
}

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);
const used = (...pairs: Array<[hoursAgo: number, usedPercent: number]>) =>
  pairs.map(([hoursAgo, usedPercent]) => ({ at: NOW - hoursAgo * HOUR, usedPercent }));

describe('windowRunOut', () => {
  it.each([
    // 20 points an hour from 60% used: 40 left, out in 2 hours, before a reset in 4.
    ['steady use, before the reset', used([2, 20], [1, 40], [0, 60]), NOW + 4 * HOUR, { runsOutAt: NOW + 2 * HOUR, beforeReset: true }],
    ['steady use, after the reset', used([2, 20], [1, 40], [0, 60]), NOW + HOUR, { runsOutAt: NOW + 2 * HOUR, beforeReset: false }],
    ['unknown reset', used([2, 20], [1, 40], [0, 60]), null, { runsOutAt: NOW + 2 * HOUR, beforeReset: null }],
    ['one rise only: no pace', used([1, 20], [0, 40]), NOW + 4 * HOUR, null],
    ['no samples', [], NOW + 4 * HOUR, null],
    ['used up', used([2, 50], [1, 80], [0, 100]), NOW + 4 * HOUR, null],
    ['idle for the last hours', used([6, 20], [5, 40], [4, 60]), NOW + 4 * HOUR, null],
    ['reset passed', used([2, 20], [1, 40], [0, 60]), NOW - 1, null],
    // A fall in share used is a new window: the drops before it are another window's.
    ['a new window after two rises', used([3, 20], [2, 70], [1, 5], [0, 10]), NOW + 4 * HOUR, null],
  ])('%s', (_name, samples, resetsAt, expected) => {
    expect(windowRunOut({ samples, resetsAt }, NOW)).toEqual(expected);
  });

  it('decimal shares are used as sent', () => {
    const forecast = windowRunOut({ samples: used([1, 10.5], [0.5, 30.25], [0, 50]), resetsAt: NOW + 10 * HOUR }, NOW);
    expect(forecast?.beforeReset).toBe(true);
    expect(forecast!.runsOutAt).toBeGreaterThan(NOW);
  });
});
