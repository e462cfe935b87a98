import { browser } from 'wxt/browser';
import type { BadgeView } from '../../lib/alerts/quota-badge';
import { isCodexWindowName } from '../../lib/core/codex-usage';
import type { QuotaState } from '../../lib/core/quota-state';
import { quotaLabel } from '../../lib/view/window-label';
import { formatDuration, formatLocalTime } from '../../lib/view/format-time';
import { t, tPlural, uiLocale } from '../../lib/extension/i18n';
import { createAlarm } from './alarms';

/** Repaints the badge when the shown number stops being current; alarms survive worker restarts. */
export const BADGE_STALE_ALARM = 'badge-stale';

// Firefox MV2 has browserAction where Chrome MV3 has action.
const toolbarAction = () => browser.action ?? browser.browserAction;

export function badgeTooltip(view: BadgeView, now: number, state: Pick<QuotaState, 'accounts'> = { accounts: {} }): string {
  const locale = uiLocale();
  if (view.status === 'off') return t('tooltip_off');
  const name = quotaLabel(view.feature, state, t);
  if (view.status === 'none') return t(isCodexWindowName(view.feature) ? 'tooltip_noCodexReading' : 'tooltip_noReading', [name]);
  const reset = view.resetsAt === null ? null : formatLocalTime(view.resetsAt, now, locale);
  if (view.status === 'stale') return t('tooltip_stale', [name, view.text, reset ?? '?']);
  const count =
    view.status === 'blocked' ? t('tooltip_blocked', [name]) : tPlural('tooltip_remaining', view.remaining ?? 0, [name, view.text]);
  if (view.resetsAt === null || reset === null) return `${count}\n${t('tooltip_resetUnknown')}`;
  return `${count}\n${t('tooltip_resets', [reset, formatDuration(view.resetsAt - now, locale)])}`;
}

export async function paintBadge(view: BadgeView, now: number, state: Pick<QuotaState, 'accounts'>): Promise<void> {
  const action = toolbarAction();
  await Promise.all([
    action.setBadgeText({ text: view.text }),
    action.setBadgeBackgroundColor({ color: view.color }),
    // setBadgeTextColor is missing on older browsers; white on our colours is the default anyway.
    action.setBadgeTextColor?.({ color: '#FFFFFF' }),
    action.setTitle({ title: `${t('extension_name')}\n${badgeTooltip(view, now, state)}` }),
  ]);
  if (view.staleAt === null) await browser.alarms.clear(BADGE_STALE_ALARM);
  else await createAlarm(BADGE_STALE_ALARM, view.staleAt);
}
