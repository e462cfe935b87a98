import type { AccountState } from '../core/quota-state';
import type { Meter } from '../core/meter';
import type { Settings } from './settings';
import { accountMeters } from './account-meters';
import { isNotifiable, meterConditions } from './meter-conditions';
import { isCountedMeterId } from '../core/rolling-window';
import type { CountedAccount } from './counted-meters';
import {
  alreadySent,
  noticeKey,
  refillKey,
  refillTimeOf,
  sentNear,
  sentSince,
  warningOf,
  type NoticeKind,
  type NoticeLedger,
} from './notice-ledger';
import { RESET_CREDITS_METER } from './reset-credit-meters';

/**
 * When to notify, as a pure function of the account's meters (meter-conditions.ts), the settings
 * and what was already sent (the ledger, notice-ledger.ts): one "low" and one "used up"
 * notification per account, meter and reset window, never again for the same window, whatever
 * restarts or tabs do. Refill notices are due at a reset time, for windows we told the user about.
 *
 * A page can forge readings, so a notification names only a meter the extension can name (its
 * title comes from our catalogue, never from the page; unknown features are shown in the popup),
 * every kind of notice spends one hourly budget, and the refill alarms kept armed are capped.
 *
 * Memory's low notice ("memory 90% full") is sent only when the user turned it on (`memoryNotice`,
 * off by default; meter-conditions.ts). Codex's reset credits are no window: their notice,
 * `expiring`, comes once, a day before an unused one expires.
 */
export interface Notice {
  /** Also the ledger key: account, feature, kind and window. */
  id: string;
  kind: NoticeKind;
  account: string;
  feature: string;
  remaining: number;
  resetsAt: number | null;
  /** A low notice with the forecast on: when, at this pace, it runs out before the reset (an estimate). */
  runsOutAt: number | null;
}

/** At most this many notices of any kind an hour, whatever readings say (real ones: a few a day). */
export const MAX_NOTICES_PER_HOUR = 10;
/**
 * At most this many refill alarms armed at once, soonest first: one per warned window, and a real
 * account warns about a handful. Chrome keeps at most 500 alarms per extension; forged windows
 * must not crowd out the badge's own alarm.
 */
export const MAX_PENDING_REFILLS = 20;
const HOUR_MS = 3_600_000;

/** A day before a reset credit expires unused, the user may still spend it. */
const EXPIRY_NOTICE_MS = 24 * HOUR_MS;

/** The "a reset credit expires unused soon" notice, once per expiry, when one is due. */
function expiryNotice(accountId: string, meters: Meter[], ledger: NoticeLedger, now: number): Notice[] {
  const meter = meters.find((entry) => entry.id === RESET_CREDITS_METER);
  const expiresAt = meter?.expiresAt ?? null;
  if (meter === undefined || expiresAt === null || expiresAt - now > EXPIRY_NOTICE_MS) return [];
  if (alreadySent(ledger, 'expiring', accountId, meter.id, expiresAt)) return [];
  const id = noticeKey('expiring', accountId, meter.id, expiresAt);
  return [{ id, kind: 'expiring', account: accountId, feature: meter.id, remaining: meter.left, resetsAt: expiresAt, runsOutAt: null }];
}
/** Notices of every kind recorded in the last hour: the one budget they all spend. */
function sentWithinHour(ledger: NoticeLedger, now: number): number {
  return sentSince(ledger, now - HOUR_MS);
}

/**
 * Whether the hour's budget is spent. A refill due over budget is recorded but not shown: it is
 * the least useful notice (the badge already shows the reset), and its alarm must not come back.
 */
export function overHourlyBudget(ledger: NoticeLedger, now: number): boolean {
  return sentWithinHour(ledger, now) >= MAX_NOTICES_PER_HOUR;
}

/** The low and used-up notices due now that the ledger has not seen. */
export function dueNotices(
  accountId: string,
  account: AccountState & CountedAccount,
  settings: Pick<Settings, 'lowThresholds' | 'notifications'> & Partial<Pick<Settings, 'runOutForecast' | 'memoryNotice' | 'modelCaps'>>,
  ledger: NoticeLedger,
  now: number,
): Notice[] {
  if (!settings.notifications) return [];
  // The account's meters, built once for both kinds of notice.
  const meters = accountMeters(account, settings, now);
  const sentThisHour = sentWithinHour(ledger, now);
  const notices: Notice[] = sentThisHour < MAX_NOTICES_PER_HOUR ? expiryNotice(accountId, meters, ledger, now) : [];
  for (const condition of meterConditions(account, settings, now, meters)) {
    // Over budget, what is due waits (unrecorded) for a later reading: never twice, never a flood.
    if (sentThisHour + notices.length >= MAX_NOTICES_PER_HOUR) break;
    // Used up says more than low: when both are new, only the used-up notice is sent.
    const kind: NoticeKind | null = condition.exhausted ? 'exhausted' : condition.low ? 'low' : null;
    if (kind === null) continue;
    if (alreadySent(ledger, kind, accountId, condition.feature, condition.resetsAt)) continue;
    const runsOutAt = kind === 'low' && settings.runOutForecast === true ? condition.runsOutBeforeReset : null;
    notices.push({
      id: noticeKey(kind, accountId, condition.feature, condition.resetsAt),
      kind,
      account: accountId,
      feature: condition.feature,
      remaining: condition.remaining,
      resetsAt: condition.resetsAt,
      runsOutAt,
    });
  }
  return notices;
}

/** A refill notice for a window we warned about, once its reset time has come. */
export function refillNotice(ledger: NoticeLedger, warningId: string, now: number): Notice | null {
  const warning = warningOf(warningId);
  if (warning === null) return null;
  const { account, feature, window } = warning;
  const resetsAt = refillTimeOf(window);
  // A low of the exact reset and a used-up of an estimate may sit on neighbouring keys: one window, one refill.
  if (resetsAt > now || sentNear(ledger, 'refill', account, feature, window)) return null;
  // A counted model's window rolls: one turn frees up at a time, there is no refill to announce.
  if (!isNotifiable(feature) || isCountedMeterId(feature)) return null;
  return { id: refillKey(warning), kind: 'refill', account, feature, remaining: 0, resetsAt, runsOutAt: null };
}

/** Warnings sent whose window has a known reset: the refill alarms to keep armed, soonest first, capped. */
export function pendingRefills(ledger: NoticeLedger): Array<{ warningId: string; at: number }> {
  const refills: Array<{ warningId: string; at: number }> = [];
  for (const id of Object.keys(ledger)) {
    const warning = warningOf(id);
    if (warning === null || isCountedMeterId(warning.feature)) continue;
    const { kind, account, feature, window } = warning;
    if (sentNear(ledger, 'refill', account, feature, window)) continue;
    // One refill per window: a low and a used-up warning of the same window share it.
    if (kind === 'low' && sentNear(ledger, 'exhausted', account, feature, window)) continue;
    refills.push({ warningId: id, at: refillTimeOf(window) });
  }
  return refills.sort((a, b) => a.at - b.at).slice(0, MAX_PENDING_REFILLS);
}
