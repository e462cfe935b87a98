import { browser } from 'wxt/browser';
import { isCodexWindowName } from '../../lib/core/codex-usage';
import { MEMORY_METER } from '../../lib/alerts/defaults';
import { quotaLabel } from '../../lib/view/window-label';
import { formatDuration, formatLocalTime } from '../../lib/view/format-time';
import { dueNotices, overHourlyBudget, pendingRefills, refillNotice, type Notice } from '../../lib/alerts/notification-policy';
import { recordSent } from '../../lib/alerts/notice-ledger';
import { createAlarm } from './alarms';
import type { QuotaState } from '../../lib/core/quota-state';
import { createSerialQueue } from '../../lib/core/serial-queue';
import { noticeLedgerStore } from '../../lib/extension/notice-ledger-store';
import { settingsStore } from '../../lib/extension/settings-store';
import { t, tPlural, uiLocale } from '../../lib/extension/i18n';
import { notificationsAllowed } from '../../lib/extension/notification-permission';
import { withCounted } from '../../lib/alerts/counted-meters';
import { modelCountStore } from '../../lib/extension/model-count-store';

/**
 * Shows the notices the policy (lib/alerts/notification-policy.ts) says are due, records them (lib/alerts/notice-ledger.ts) before
 * showing so that no restart or second tab can repeat one, and keeps one alarm per warned window
 * for the refill notice. All of it on one serial queue.
 */

export const REFILL_ALARM_PREFIX = 'refill|';
const serially = createSerialQueue();

/** A window's low notice says percent left; a feature's, its count (in the language's plural form). */
function lowTitle(notice: Notice, name: string): string {
  const values = [name, String(notice.remaining)];
  return isCodexWindowName(notice.feature) ? t('notify_windowLowTitle', values) : tPlural('notify_lowTitle', notice.remaining, values);
}

function noticeText(notice: Notice, state: QuotaState, now: number): { title: string; message: string } {
  const locale = uiLocale();
  if (notice.kind === 'expiring' && notice.resetsAt !== null) {
    return {
      title: t('notify_resetCreditExpiresTitle'),
      message: t('notify_resetCreditExpiresMessage', [formatLocalTime(notice.resetsAt, now, locale)]),
    };
  }
  // Memory's notice says how full it is: the meter counts what is free.
  if (notice.feature === MEMORY_METER)
    return { title: t('notify_memoryLowTitle', [String(100 - notice.remaining)]), message: t('notify_memoryLowMessage') };
  const name = quotaLabel(notice.feature, state, t);
  if (notice.kind === 'refill') return { title: t('notify_refillTitle', [name]), message: t('notify_refillMessage') };
  const title = notice.kind === 'low' ? lowTitle(notice, name) : t('notify_exhaustedTitle', [name]);
  if (notice.resetsAt === null) return { title, message: t('tooltip_resetUnknown') };
  const resets = t('tooltip_resets', [formatLocalTime(notice.resetsAt, now, locale), formatDuration(notice.resetsAt - now, locale)]);
  if (notice.runsOutAt === null) return { title, message: resets };
  return { title, message: `${t('notify_runOut', [formatLocalTime(notice.runsOutAt, now, locale)])}\n${resets}` };
}

async function show(notice: Notice, state: QuotaState, now: number): Promise<void> {
  await browser.notifications.create(notice.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    ...noticeText(notice, state, now),
  });
}

/**
 * Keeps exactly the refill alarms the ledger still wants armed (at most MAX_PENDING_REFILLS, the
 * soonest resets): the missing ones are made, and any other refill alarm is cleared. Chrome allows
 * 500 alarms; without the clearing, windows pushed out of the soonest 20 stayed armed and the count
 * grew by about ten an hour with notifications on.
 */
export function rearmRefillAlarms(now: number = Date.now()): Promise<void> {
  return serially(async () => {
    const wanted = pendingRefills(await noticeLedgerStore.get()).map(({ warningId, at }) => ({
      name: REFILL_ALARM_PREFIX + warningId,
      at,
    }));
    const armed = (await browser.alarms.getAll()).map((alarm) => alarm.name).filter((name) => name.startsWith(REFILL_ALARM_PREFIX));
    for (const name of armed) if (!wanted.some((refill) => refill.name === name)) await browser.alarms.clear(name);
    for (const { name, at } of wanted) if (!armed.includes(name)) await createAlarm(name, Math.max(at, now + 1000));
  });
}

export function notifyDue(state: QuotaState, accountId: string, now: number): Promise<void> {
  return serially(async () => {
    const counts = await modelCountStore.get();
    const account = withCounted(state.accounts[accountId], counts.accounts[accountId]);
    const settings = await settingsStore.get();
    if (!account || !settings.notifications || !(await notificationsAllowed())) return;
    const notices = dueNotices(accountId, account, settings, await noticeLedgerStore.get(), now);
    if (notices.length === 0) return;
    // Recorded before shown: a crash between the two loses a notice rather than repeating one.
    await noticeLedgerStore.update((ledger) => recordSent(ledger, notices, now));
    for (const notice of notices) await show(notice, state, now);
  }).then(() => rearmRefillAlarms(now));
}

/** When the feature or Codex window of a notice was last read (0: never). */
function lastSeenAt(state: QuotaState, notice: Notice): number {
  const account = state.accounts[notice.account];
  if (!isCodexWindowName(notice.feature)) return account?.features[notice.feature]?.seenAt ?? 0;
  return account?.codex?.windows.find((window) => window.name === notice.feature)?.seenAt ?? 0;
}

export function notifyRefill(alarmName: string, state: QuotaState, now: number): Promise<void> {
  return serially(async () => {
    const ledger = await noticeLedgerStore.get();
    const notice = refillNotice(ledger, alarmName.slice(REFILL_ALARM_PREFIX.length), now);
    if (notice === null) return;
    const overBudget = overHourlyBudget(ledger, now);
    await noticeLedgerStore.update((ledger) => recordSent(ledger, [notice], now));
    const settings = await settingsStore.get();
    // A reading after the reset already showed the new window: the user has the real number.
    const seenAfter = lastSeenAt(state, notice) > (notice.resetsAt ?? Infinity);
    if (!settings.notifications || !settings.refillNotifications || seenAfter || overBudget || !(await notificationsAllowed())) return;
    await show(notice, state, now);
  });
}
