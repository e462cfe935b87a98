import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl-formatters';

/**
 * Times and countdowns in the browser's locale, through Intl only (its formatters reused,
 * intl-formatters.ts). Pure: `now` and `locale`
 * are arguments, so the popup, the tooltip and the CLI agree and tests are exact.
 */

/** Countdowns move on while the popup or the chip is open; a minute is their smallest unit, so twice a minute. */
export const TICK_MS = 30_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function unit(value: number, name: 'day' | 'hour' | 'minute', locale: string): string {
  return numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
}

/** "5 hr 12 min", "2 days 3 hr", "< 1 min" style durations; `ms` below zero counts as zero. */
export function formatDuration(ms: number, locale: string): string {
  const total = Math.max(0, ms);
  if (total < MINUTE) return `< ${unit(1, 'minute', locale)}`;
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${unit(days, 'day', locale)} ${unit(hours, 'hour', locale)}` : unit(days, 'day', locale);
  if (hours > 0) return minutes > 0 ? `${unit(hours, 'hour', locale)} ${unit(minutes, 'minute', locale)}` : unit(hours, 'hour', locale);
  return unit(minutes, 'minute', locale);
}

/** Local clock time, with the date when it is not today ("18:15", "Sat 18:15", "Oct 15, 18:15"). */
export function formatLocalTime(time: number, now: number, locale: string, timeZone?: string): string {
  const date = new Date(time);
  const sameDay = (a: Date, b: Date) =>
    dateTimeFormat(locale, { timeZone, dateStyle: 'short' }).format(a) ===
    dateTimeFormat(locale, { timeZone, dateStyle: 'short' }).format(b);
  const clock: Intl.DateTimeFormatOptions = { timeZone, hour: '2-digit', minute: '2-digit' };
  if (sameDay(date, new Date(now))) return dateTimeFormat(locale, clock).format(date);
  const withinWeek = Math.abs(time - now) < 6 * DAY;
  const day: Intl.DateTimeFormatOptions = withinWeek ? { weekday: 'short' } : { month: 'short', day: 'numeric' };
  return dateTimeFormat(locale, { ...day, ...clock }).format(date);
}

/** "2 min ago" style, through Intl.RelativeTimeFormat. */
export function formatAgo(time: number, now: number, locale: string): string {
  const elapsed = Math.max(0, now - time);
  const format = relativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  if (elapsed < MINUTE) return format.format(0, 'second');
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  return format.format(-Math.floor(elapsed / DAY), 'day');
}
