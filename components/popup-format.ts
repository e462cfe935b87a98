import { formatAgo, formatDuration, formatLocalTime } from '../lib/view/format-time';
import type { ResetView } from '../lib/view/popup-view';
import { t, uiLocale } from '../lib/extension/i18n';

/** The popup's texts for times and counts, in the browser's locale (Intl, via lib/format-time). */

export function countText(value: number): string {
  return new Intl.NumberFormat(uiLocale()).format(value);
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
