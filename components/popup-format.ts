import { formatAgo, formatDuration, formatLocalTime } from '../lib/view/format-time';
import type { ResetView } from '../lib/view/popup-view';
import type { RunOutForecast } from '../lib/core/run-out-forecast';
import { t, uiLocale } from '../lib/extension/i18n';
import { numberFormat } from '../lib/view/intl-formatters';

/** The popup's texts for times and counts, in the browser's locale (Intl, via lib/view/format-time.ts). */

export function countText(value: number): string {
  return numberFormat(uiLocale(), {}).format(value);
}

export function agoText(time: number, now: number): string {
  return formatAgo(time, now, uiLocale());
}

/** A feature's window: "Resets in 5 hr 12 min, 18:15", or why no time is given. */
export function resetText(reset: ResetView, now: number, estimated = false): string {
  const locale = uiLocale();
  switch (reset.kind) {
    case 'ahead':
      return t(estimated ? 'popup_resetsInEstimated' : 'popup_resetsIn', [
        formatDuration(reset.at - now, locale),
        formatLocalTime(reset.at, now, locale),
      ]);
    case 'passed':
      return t('popup_probablyReset', [formatLocalTime(reset.at, now, locale)]);
    case 'windowNotStarted':
      return t('popup_windowNotStarted');
    case 'unknown':
      return t('popup_resetUnknown');
  }
}

/** A block or a model cap: "Until 18:15 (in 5 hr 12 min)". */
export function untilText(reset: ResetView, now: number): string {
  const locale = uiLocale();
  if (reset.kind === 'ahead') {
    return t('popup_until', [formatLocalTime(reset.at, now, locale), formatDuration(reset.at - now, locale)]);
  }
  if (reset.kind === 'passed') return t('popup_probablyReset', [formatLocalTime(reset.at, now, locale)]);
  return t('popup_untilUnknown');
}

/** "Paused for generating too quickly, until about 14:03 (in 52 min)". */
export function cooldownText(until: number, now: number): string {
  const locale = uiLocale();
  return t('popup_cooldown', [formatLocalTime(until, now, locale), formatDuration(until - now, locale)]);
}

/** "At this pace: out around 16:10, before the 23:36 reset (estimate)", or that it lasts until the reset. */
export function forecastText(forecast: RunOutForecast, reset: ResetView, now: number): string {
  const locale = uiLocale();
  if (forecast.beforeReset === false) return t('popup_forecastAfter');
  const outAt = formatLocalTime(forecast.runsOutAt, now, locale);
  if (forecast.beforeReset === true && reset.kind === 'ahead')
    return t('popup_forecastBefore', [outAt, formatLocalTime(reset.at, now, locale)]);
  return t('popup_forecastNoReset', [outAt]);
}
