import { describe, expect, it } from 'vitest';
import { featureOrder } from '../../../lib/view/popup-feature-order';
import { chartBars, featureUsages, weekdayOf } from '../../../lib/view/popup-history';
import { type UsageHistory, HISTORY_VERSION, localDayOf } from '../../../lib/core/usage-history';

/** Friday 17 April 2026 in UTC. */
const TODAY = localDayOf(Date.parse('2026-04-17T13:03:00Z'), 0);
const ACCOUNT = 'acct-00000000000000a1';

function history(features: Record<string, Array<[number, number]>>): UsageHistory {
  return { version: HISTORY_VERSION, accounts: { [ACCOUNT]: features, default: { image_gen: [[TODAY, 99]] } } };
}

const byName = featureOrder(
  (name: string) => name,
  (name) => name,
);

describe('featureUsages', () => {
  it("gives uses per day for the last 7 days, oldest first, and today's count", () => {
    const [usage] = featureUsages(
      history({
        image_gen: [
          [TODAY - 6, 4],
          [TODAY - 2, 11],
          [TODAY, 7],
        ],
      }),
      ACCOUNT,
      TODAY,
      byName,
    );
    expect(usage).toEqual({
      feature: 'image_gen',
      today: 7,
      perDay: [4, 0, 0, 0, 11, 0, 7].map((uses, index) => ({ day: TODAY - 6 + index, uses })),
    });
  });

  it.each<[string, Record<string, Array<[number, number]>>, string[]]>([
    ['no history for the account', {}, []],
    ['uses only before the 7 days', { image_gen: [[TODAY - 7, 5]] }, []],
    [
      "features in the quota list's order: images first",
      { send: [[TODAY, 1]], deep_research: [[TODAY - 1, 1]], image_gen: [[TODAY - 3, 2]] },
      ['image_gen', 'deep_research', 'send'],
    ],
    ['a feature without a use today still shows', { file_upload: [[TODAY - 1, 3]] }, ['file_upload']],
  ])('%s', (_, features, shown) => {
    expect(featureUsages(history(features), ACCOUNT, TODAY, byName).map((usage) => usage.feature)).toEqual(shown);
  });

  it('reads only the account asked for', () => {
    expect(featureUsages(history({}), 'default', TODAY, byName).map((usage) => usage.today)).toEqual([99]);
  });
});

describe('chartBars', () => {
  const box = { width: 100, height: 40, gap: 4 };

  it.each<[string, number[], Array<[number, number, number, number]>]>([
    [
      'scaled to the largest value',
      [10, 5, 0],
      [
        [0, 0, 30.67, 40],
        [34.67, 20, 30.67, 20],
        [69.33, 40, 30.67, 0],
      ],
    ],
    [
      'all zero: no bar, no division by zero',
      [0, 0],
      [
        [0, 40, 48, 0],
        [52, 40, 48, 0],
      ],
    ],
    [
      'a small count is still a visible bar',
      [1000, 1],
      [
        [0, 0, 48, 40],
        [52, 39, 48, 1],
      ],
    ],
    ['nothing to draw', [], []],
  ])('%s', (_, values, expected) => {
    const round = (value: number) => Math.round(value * 100) / 100;
    expect(chartBars(values, box).map((bar) => [round(bar.x), round(bar.y), round(bar.width), round(bar.height)])).toEqual(expected);
  });

  it("puts each bar's centre in its middle", () => {
    expect(chartBars([3, 4], box).map((bar) => bar.center)).toEqual([24, 76]);
  });
});

describe('weekdayOf', () => {
  it.each<[number, string, 'short' | 'long', string]>([
    [TODAY, 'en-US', 'long', 'Friday'],
    [TODAY - 1, 'en-US', 'short', 'Thu'],
    [TODAY + 2, 'en-US', 'short', 'Sun'],
    [TODAY, 'zh-CN', 'long', '星期五'],
    [TODAY, 'zh-CN', 'short', '周五'],
  ])('day %i in %s (%s) is %s', (day, locale, style, name) => {
    expect(weekdayOf(day, locale, style)).toBe(name);
  });

  it('names the local day, whatever the zone: 23:30 on Friday in UTC-5 is still Friday', () => {
    const fridayNight = Date.parse('2026-04-18T04:30:00Z');
    expect(weekdayOf(localDayOf(fridayNight, 300), 'en-US', 'long')).toBe('Friday');
    expect(weekdayOf(localDayOf(fridayNight, -480), 'en-US', 'long')).toBe('Saturday');
  });
});
