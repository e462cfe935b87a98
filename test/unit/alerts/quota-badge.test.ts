import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../lib/core/apply-reading';
import { BADGE_COLORS, badgeFor } from '../../../lib/alerts/quota-badge';
import { activeAccountState, emptyQuotaState } from '../../../lib/core/quota-state';
import type { Reading } from '../../../lib/core/quota-types';
import { block, feature, HOUR, reading, T0 } from '../core/readings';

/**
 * The badge rules of the core issue, each as a sequence of readings and the badge after it.
 * Readings are folded with the real reducer, as the background does.
 */

const RED = BADGE_COLORS.empty;
const AMBER = BADGE_COLORS.low;
const NEUTRAL = BADGE_COLORS.normal;
const GREY = BADGE_COLORS.stale;
const RESET = T0 + 5 * HOUR;

function badgeAfter(readings: Reading[], now: number) {
  const state = readings.reduce((current, next) => applyReading(current, next), emptyQuotaState());
  return badgeFor(activeAccountState(state), now);
}

const image = (remaining: number, resetsAt: number | null = RESET) => feature('image_gen', remaining, resetsAt);
const other = feature('deep_research', 25, T0 + 30 * 24 * HOUR);

const RULES: { rule: string; readings: Reading[]; now?: number; text: string; color: string }[] = [
  {
    rule: 'the image_gen remaining, as an integer',
    readings: [reading(T0, { features: [other, image(118)] })],
    text: '118',
    color: NEUTRAL,
  },
  { rule: '"0" and red when its remaining is 0', readings: [reading(T0, { features: [image(0)] })], text: '0', color: RED },
  {
    rule: '"0" and red when blocked_features names it, whatever limits_progress says',
    readings: [reading(T0, { features: [image(118)], blocked: [block('image_gen', RESET)] })],
    text: '0',
    color: RED,
  },
  {
    rule: 'a block given as a bare name, with no reset time, is red too',
    readings: [reading(T0, { features: [image(50)], blocked: [block('image_gen')] })],
    text: '0',
    color: RED,
  },
  { rule: '"999+" at 1000', readings: [reading(T0, { features: [image(1000)] })], text: '999+', color: NEUTRAL },
  { rule: '"999+" above 1000', readings: [reading(T0, { features: [image(1_000_000)] })], text: '999+', color: NEUTRAL },
  { rule: '"999" is still a number', readings: [reading(T0, { features: [image(999)] })], text: '999', color: NEUTRAL },
  { rule: 'empty when no reading came', readings: [], text: '', color: BADGE_COLORS.none },
  {
    rule: 'empty when no reading ever listed image_gen',
    readings: [reading(T0, { features: [other] }), reading(T0 + 1, { features: null, blocked: [] })],
    text: '',
    color: BADGE_COLORS.none,
  },
  { rule: 'amber at 10', readings: [reading(T0, { features: [image(10)] })], text: '10', color: AMBER },
  { rule: 'amber at 1', readings: [reading(T0, { features: [image(1)] })], text: '1', color: AMBER },
  { rule: 'neutral at 11', readings: [reading(T0, { features: [image(11)] })], text: '11', color: NEUTRAL },
  {
    rule: 'a reading with limits_progress null leaves the badge as it was',
    readings: [reading(T0, { features: [image(118)] }), reading(T0 + 1, { features: null, blocked: [], modelLimits: [] })],
    text: '118',
    color: NEUTRAL,
  },
  {
    rule: 'a reading that lists other features only leaves the badge as it was',
    readings: [reading(T0, { features: [image(7)] }), reading(T0 + 1, { features: [feature('reason', 0, RESET)], blocked: [] })],
    text: '7',
    color: AMBER,
  },
  {
    rule: 'a reading that does not list image_gen but blocks it turns the badge to "0"',
    readings: [
      reading(T0, { features: [image(118)] }),
      reading(T0 + 1, { features: [feature('reason', 0, RESET)], blocked: [block('image_gen', RESET)] }),
    ],
    text: '0',
    color: RED,
  },
  {
    rule: 'the latest reading that lists image_gen wins',
    readings: [
      reading(T0, { features: [image(118)] }),
      reading(T0 + 1, { features: [image(117)] }),
      reading(T0 + 2, { features: [other] }),
    ],
    text: '117',
    color: NEUTRAL,
  },
  {
    rule: 'a later full reading that no longer blocks it shows its count again',
    readings: [
      reading(T0, { blocked: [block('image_gen', RESET)] }),
      reading(RESET + 1, { features: [image(120, RESET + 24 * HOUR)], blocked: [] }),
    ],
    now: RESET + 2,
    text: '120',
    color: NEUTRAL,
  },
  {
    rule: 'grey once the shown number reset time has passed, the number kept',
    readings: [reading(T0, { features: [image(42)] })],
    now: RESET,
    text: '42',
    color: GREY,
  },
  {
    rule: 'grey once a block has passed its reset time',
    readings: [reading(T0, { blocked: [block('image_gen', RESET)] })],
    now: RESET + 1,
    text: '0',
    color: GREY,
  },
  {
    rule: 'an unknown reset time never turns grey',
    readings: [reading(T0, { features: [image(42, null)] })],
    now: T0 + 1000 * HOUR,
    text: '42',
    color: NEUTRAL,
  },
];

describe('badge rules', () => {
  it.each(RULES)('$rule', ({ readings, now = T0 + HOUR, text, color }) => {
    const view = badgeFor(activeAccountState(readings.reduce((state, next) => applyReading(state, next), emptyQuotaState())), now);
    expect({ text: view.text, color: view.color }).toEqual({ text, color });
  });
});

describe('badge view details', () => {
  it('red, amber, neutral and grey are four different colours', () => {
    expect(new Set([RED, AMBER, NEUTRAL, GREY]).size).toBe(4);
    expect(BADGE_COLORS.blocked).toBe(RED);
  });

  it.each([
    ['a count with a reset ahead', [reading(T0, { features: [image(5)] })], T0, RESET],
    ['a block with a reset ahead', [reading(T0, { blocked: [block('image_gen', RESET)] })], T0, RESET],
    ['a count whose reset passed', [reading(T0, { features: [image(5)] })], RESET + 1, null],
    ['a count with no reset time', [reading(T0, { features: [image(5, null)] })], T0, null],
    ['no reading', [], T0, null],
  ])('the alarm time for %s', (_name, readings, now, staleAt) => {
    expect(badgeAfter(readings, now).staleAt).toBe(staleAt);
  });

  it.each([
    ['normal', [reading(T0, { features: [image(50)] })], T0],
    ['low', [reading(T0, { features: [image(3)] })], T0],
    ['empty', [reading(T0, { features: [image(0)] })], T0],
    ['blocked', [reading(T0, { features: [image(3)], blocked: [block('image_gen')] })], T0],
    ['stale', [reading(T0, { features: [image(3)] })], RESET],
    ['none', [], T0],
  ] as const)('status %s', (status, readings, now) => {
    expect(badgeAfter([...readings], now).status).toBe(status);
  });

  it('another feature can be shown, with its own threshold', () => {
    const view = badgeFor(activeAccountState(applyReading(emptyQuotaState(), reading(T0, { features: [other] }))), T0, {
      badgeFeature: 'deep_research',
      lowThresholds: { deep_research: 30 },
    });
    expect(view).toMatchObject({ text: '25', status: 'low', feature: 'deep_research', remaining: 25 });
  });
});
