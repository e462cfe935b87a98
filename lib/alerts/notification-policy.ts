import { z } from 'zod/mini';
import { isCodexWindowName } from '../core/codex-usage';
import type { AccountState } from '../core/quota-state';
import type { Settings } from './settings';
import { accountMeters } from './account-meters';
import { meterRunOut, type RunOutForecast } from '../core/run-out-forecast';
import { integer, text } from '../core/schema-parts';
import { isKnownFeature } from '../core/feature-names';
import { isCountedMeterId } from '../core/rolling-window';
import type { CountedAccount } from './counted-meters';

/**
 * When to notify, as a pure function of the account's state, the settings and what was already
 * sent (the ledger, persisted in storage): one "low" and one "used up" notification per account,
 * feature and reset window, never again for the same window, whatever restarts or tabs do.
 * Refill notices are due at a reset time, for features we told the user about. Codex windows are
 * treated as features whose count is the percent left (lib/core/codex-usage.ts).
 *
 * A page can forge readings, so a notification names only a feature the extension knows (its
 * title comes from our catalogue, never from the page; unknown features are shown in the popup),
 * every kind of notice spends one hourly budget, and the refill alarms kept armed are capped.
 * Codex window names are the extension's own (lib/core/codex-usage.ts), so they are known too.
 */

type NoticeKind = 'low' | 'exhausted' | 'refill';

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

/** Sent notices by id, with when; bounded. */
export const ledgerSchema = z.record(text(600), integer(0));
export type NoticeLedger = z.infer<typeof ledgerSchema>;
/**
 * The ledger outlives what state keeps (64 features an account): a page can forge readings of new
 * features faster than any real one, and an entry evicted while its window runs would let that
 * window notify twice. Entries of windows that have ended go first; the cap is far above a real
 * ledger and, with the hourly budget below, takes days of forging to reach.
 */
const MAX_LEDGER_ENTRIES = 2000;
/** At most this many notices of any kind an hour, whatever readings say (real ones: a few a day). */
export const MAX_NOTICES_PER_HOUR = 10;
/**
 * At most this many refill alarms armed at once, soonest first: one per warned window, and a real
 * account warns about a handful. Chrome keeps at most 500 alarms per extension; forged windows
 * must not crowd out the badge's own alarm.
 */
export const MAX_PENDING_REFILLS = 20;
const HOUR_MS = 3_600_000;

/**
 * A window is named by its reset time to the minute: estimated and exact times of one window
 * agree that far, and a new window has a reset time a whole window later.
 */
const WINDOW_ROUNDING_MS = 10 * 60_000;

export function windowKey(resetsAt: number | null): string {
  return resetsAt === null ? 'unknown' : String(Math.round(resetsAt / WINDOW_ROUNDING_MS));
}

function noticeId(kind: NoticeKind, account: string, feature: string, resetsAt: number | null): string {
  return [kind, account, feature, windowKey(resetsAt)].join('|');
}

/**
 * Whether a notice of this kind went out for this window. Neighbouring keys count as the same
 * window: an estimated reset ("in 14 hours") and the exact one may fall either side of a rounding
 * edge, while a genuinely new window is hours away.
 */
function alreadySent(ledger: NoticeLedger, kind: NoticeKind, account: string, feature: string, resetsAt: number | null): boolean {
  if (resetsAt === null) return ledger[noticeId(kind, account, feature, null)] !== undefined;
  return sentNear(ledger, kind, account, feature, Number(windowKey(resetsAt)));
}

/** Whether a notice of this kind went out for the window keyed `window` or a neighbouring key (the same window). */
function sentNear(ledger: NoticeLedger, kind: NoticeKind, account: string, feature: string, window: number): boolean {
  return [-1, 0, 1].some((shift) => ledger[[kind, account, feature, String(window + shift)].join('|')] !== undefined);
}

interface Warning {
  kind: 'low' | 'exhausted';
  account: string;
  feature: string;
  window: number;
}

/** A sent low or used-up notice of a known window, read back from its ledger id (stored: may be anything). */
function warningOf(id: string): Warning | null {
  const [kind, account, feature, window, ...rest] = id.split('|');
  if ((kind !== 'low' && kind !== 'exhausted') || !account || !feature || !window || rest.length > 0) return null;
  const key = Number(window);
  return Number.isSafeInteger(key) ? { kind, account, feature, window: key } : null;
}

/** When a window named by `window` has surely reset: the rounding can put the key up to half a step early. */
function refillTimeOf(window: number): number {
  return (window + 1) * WINDOW_ROUNDING_MS;
}

interface MeterCondition {
  feature: string;
  remaining: number;
  resetsAt: number | null;
  exhausted: boolean;
  low: boolean;
  /** When it runs out at the pace of the last hours, if that is before the reset (lib/core/run-out-forecast.ts). */
  runsOutBeforeReset: number | null;
}

/** The run-out time a low notice may give: only one before the reset. */
function runsOutBefore(forecast: RunOutForecast | null): number | null {
  return forecast?.beforeReset === true ? forecast.runsOutAt : null;
}

/**
 * What each meter the extension can name looks like now (lib/core/meter.ts); a stale one says
 * nothing about now. Only names from our catalogue: a notification's title must never be a name from the page.
 */
export function meterConditions(
  account: AccountState & CountedAccount,
  settings: Pick<Settings, 'lowThresholds'> & Partial<Pick<Settings, 'modelCaps'>>,
  now: number,
): MeterCondition[] {
  return accountMeters(account, settings, now)
    .filter((meter) => isNotifiable(meter.id) && meter.status !== 'stale')
    .map((meter) => ({
      feature: meter.id,
      remaining: meter.left,
      resetsAt: meter.resetsAt,
      exhausted: meter.status === 'blocked' || meter.status === 'empty',
      low: meter.status !== 'normal',
      runsOutBeforeReset: runsOutBefore(meterRunOut(meter, now)),
    }));
}

/**
 * A name a notice may carry: a feature we know or a Codex window, both titled from our catalogue,
 * or a model the user capped (its meter exists only then; its slug was sanitised in the page and
 * checked by the background, and the title says it is counted here).
 */
function isNotifiable(name: string): boolean {
  return isKnownFeature(name) || isCodexWindowName(name) || isCountedMeterId(name);
}

/** Notices of every kind recorded in the last hour: the one budget they all spend. */
function sentWithinHour(ledger: NoticeLedger, now: number): number {
  return Object.values(ledger).filter((sentAt) => sentAt > now - HOUR_MS).length;
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
  settings: Pick<Settings, 'lowThresholds' | 'notifications'> & Partial<Pick<Settings, 'runOutForecast' | 'modelCaps'>>,
  ledger: NoticeLedger,
  now: number,
): Notice[] {
  if (!settings.notifications) return [];
  const notices: Notice[] = [];
  const sentThisHour = sentWithinHour(ledger, now);
  for (const condition of meterConditions(account, settings, now)) {
    // Over budget, what is due waits (unrecorded) for a later reading: never twice, never a flood.
    if (sentThisHour + notices.length >= MAX_NOTICES_PER_HOUR) break;
    // Used up says more than low: when both are new, only the used-up notice is sent.
    const kind: NoticeKind | null = condition.exhausted ? 'exhausted' : condition.low ? 'low' : null;
    if (kind === null) continue;
    if (alreadySent(ledger, kind, accountId, condition.feature, condition.resetsAt)) continue;
    const id = noticeId(kind, accountId, condition.feature, condition.resetsAt);
    const runsOutAt = kind === 'low' && settings.runOutForecast === true ? condition.runsOutBeforeReset : null;
    notices.push({
      id,
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
  return {
    id: ['refill', account, feature, String(window)].join('|'),
    kind: 'refill',
    account,
    feature,
    remaining: 0,
    resetsAt,
    runsOutAt: null,
  };
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

/** Whether an entry still guards a running window (refills and unknown windows count as running). */
function guardsRunningWindow(id: string, now: number): boolean {
  const warning = warningOf(id);
  return warning === null || refillTimeOf(warning.window) > now;
}

/** Records sent notices; over the cap, entries of ended windows go first, then the oldest. */
export function recordSent(ledger: NoticeLedger, notices: Notice[], now: number): NoticeLedger {
  if (notices.length === 0) return ledger;
  const next: NoticeLedger = { ...ledger };
  for (const notice of notices) next[notice.id] = now;
  const entries = Object.entries(next);
  if (entries.length <= MAX_LEDGER_ENTRIES) return next;
  const ranked = entries.map(([id, sentAt]) => ({ id, sentAt, running: guardsRunningWindow(id, now) }));
  ranked.sort((a, b) => Number(b.running) - Number(a.running) || b.sentAt - a.sentAt);
  return Object.fromEntries(ranked.slice(0, MAX_LEDGER_ENTRIES).map(({ id, sentAt }) => [id, sentAt]));
}
