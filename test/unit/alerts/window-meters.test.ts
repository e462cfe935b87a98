import { describe, expect, it } from 'vitest';
import { windowMeters } from '../../../lib/alerts/window-meters';
import type { Meter } from '../../../lib/core/meter';
import type { CodexWindowState } from '../../../lib/core/codex-state';

/** Codex windows as meters: one adapter, one table; every view reads what it gives (lib/core/meter.ts). */

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

const window = (usedPercent: number, extra: Partial<CodexWindowState> = {}): CodexWindowState => ({
  name: 'codex:primary',
  limit: 'main',
  model: null,
  reached: false,
  usedPercent,
  resetsAt: NOW + HOUR,
  windowSeconds: 18_000,
  seenAt: NOW - HOUR,
  samples: [],
  ...extra,
});
const meterOf = (state: CodexWindowState, lowThresholds: Record<string, number> = {}) =>
  windowMeters({ codex: { windows: [state] } }, { lowThresholds }, NOW)[0];

describe('windowMeters', () => {
  it.each<[string, CodexWindowState, Record<string, number>, Partial<Meter>]>([
    [
      'the percent left of a window read from the server',
      window(37),
      {},
      {
        id: 'codex:primary',
        group: 'codex',
        label: { kind: 'codexWindow', name: 'codex:primary', windowSeconds: 18_000, model: null },
        unit: 'percent',
        left: 63,
        cap: { value: 100, source: 'scale' },
        mostSeen: null,
        lowThreshold: 20,
        status: 'normal',
        blocked: false,
        resetsAt: NOW + HOUR,
        resetEstimated: false,
        windowNotStarted: false,
        source: 'server',
        since: NOW - HOUR,
        points: [],
      },
    ],
    ['low at 20% left by default', window(80), {}, { left: 20, status: 'low' }],
    ['not low at 21% left', window(79), {}, { left: 21, status: 'normal' }],
    ["low at the user's percent", window(50), { 'codex:primary': 60 }, { lowThreshold: 60, status: 'low' }],
    ['almost used up is 1%, not 0%', window(99.6), {}, { left: 1, status: 'low' }],
    ['used up', window(100), {}, { left: 0, status: 'empty' }],
    ['the server says its limit is reached at 92% used: used up', window(92, { reached: true }), {}, { left: 0, status: 'empty' }],
    [
      "a model's window: named by its model too",
      window(10, { name: 'codex:model-spark/18000', limit: 'model-spark', model: 'Spark' }),
      {},
      {
        id: 'codex:model-spark/18000',
        left: 90,
        label: { kind: 'codexWindow', name: 'codex:model-spark/18000', windowSeconds: 18_000, model: 'Spark' },
      },
    ],
    ['past its reset', window(37, { resetsAt: NOW }), {}, { status: 'stale' }],
    [
      'its length unknown',
      window(37, { windowSeconds: null }),
      {},
      { label: { kind: 'codexWindow', name: 'codex:primary', windowSeconds: null, model: null } },
    ],
    [
      'the shares used seen, as the exact percent left',
      window(50.5, {
        samples: [
          { at: NOW - 2 * HOUR, usedPercent: 10.25 },
          { at: NOW - HOUR, usedPercent: 50.5 },
        ],
      }),
      {},
      {
        left: 50,
        points: [
          { at: NOW - 2 * HOUR, remaining: 89.75 },
          { at: NOW - HOUR, remaining: 49.5 },
        ],
      },
    ],
  ])('%s', (_name, state, lowThresholds, expected) => {
    expect(meterOf(state, lowThresholds)).toMatchObject(expected);
  });

  it('one meter per window, in the order stored; none before a Codex reading', () => {
    const review = window(10, { name: 'codex:code_review_primary' });
    expect(windowMeters({ codex: { windows: [window(37), review] } }, { lowThresholds: {} }, NOW).map((meter) => meter.id)).toEqual([
      'codex:primary',
      'codex:code_review_primary',
    ]);
    expect(windowMeters({ codex: null }, { lowThresholds: {} }, NOW)).toEqual([]);
    expect(windowMeters({}, { lowThresholds: {} }, NOW)).toEqual([]);
  });
});
