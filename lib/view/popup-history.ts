import { type UsageHistory, usesPerDay } from '../core/usage-history';
import { dateTimeFormat } from './intl-formatters';

/**
 * What the popup's usage view shows for one account: per feature with uses in the last days,
 * uses today and per day, and the geometry of its small bar chart. Pure: days are local day
 * numbers (lib/core/usage-history.ts localDayOf), the locale and sizes are arguments.
 */

const HISTORY_CHART_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

export interface FeatureUsage {
  feature: string;
  /** Uses per day, oldest first; the last one is today. */
  perDay: Array<{ day: number; uses: number }>;
  today: number;
}

/** Features with at least one use in the shown days, in the order `order` gives. */
export function featureUsages(
  history: UsageHistory,
  accountId: string,
  today: number,
  order: (a: string, b: string) => number,
  days: number = HISTORY_CHART_DAYS,
): FeatureUsage[] {
  const features = Object.keys(history.accounts[accountId] ?? {});
  return features
    .map((feature) => {
      const counts = usesPerDay(history, accountId, feature, today, days);
      return { feature, perDay: counts.map((uses, index) => ({ day: today - (days - 1 - index), uses })), today: counts.at(-1) ?? 0 };
    })
    .filter((usage) => usage.perDay.some(({ uses }) => uses > 0))
    .sort((a, b) => order(a.feature, b.feature));
}

interface ChartBox {
  width: number;
  /** Height of the bars' area; labels go above and below it. */
  height: number;
  gap: number;
}

interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The middle of the bar, for its labels. */
  center: number;
}

/** Bars scaled to the largest value; a day with uses is never thinner than one pixel. */
export function chartBars(values: number[], box: ChartBox): ChartBar[] {
  const largest = Math.max(1, ...values);
  const width = values.length === 0 ? 0 : (box.width - box.gap * (values.length - 1)) / values.length;
  return values.map((value, index) => {
    const height = value > 0 ? Math.max(1, (value / largest) * box.height) : 0;
    const x = index * (width + box.gap);
    return { x, y: box.height - height, width, height, center: x + width / 2 };
  });
}

/**
 * The weekday of a local day number. A day number counts local days from the epoch, so its
 * midnight read as UTC is that local date.
 */
export function weekdayOf(day: number, locale: string, style: 'short' | 'long'): string {
  return dateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(new Date(day * DAY_MS));
}
