import { z } from 'zod/mini';
import { integer, text } from '../core/schema-parts';

/**
 * The notice ledger: which notices went out, by key, with when (storage.local `noticeLedger`,
 * lib/extension/notice-ledger-store.ts). Its keys are built and read back here only: kind,
 * account, meter id and window, joined by `|`. What to send is the policy's (notification-policy.ts).
 */

/** `expiring`: a Codex reset credit expires unused within a day (keyed by its expiry, not a window). */
export type NoticeKind = 'low' | 'exhausted' | 'refill' | 'expiring';

/** Sent notices by key, with when; bounded. */
export const ledgerSchema = z.record(text(600), integer(0));
export type NoticeLedger = z.infer<typeof ledgerSchema>;

/**
 * The ledger outlives what state keeps (64 features an account): a page can forge readings of new
 * features faster than any real one, and an entry evicted while its window runs would let that
 * window notify twice. Entries of windows that have ended go first; the cap is far above a real
 * ledger and, with the hourly budget, takes days of forging to reach.
 */
const MAX_LEDGER_ENTRIES = 2000;

/**
 * A window is named by its reset time to the minute: estimated and exact times of one window
 * agree that far, and a new window has a reset time a whole window later.
 */
const WINDOW_ROUNDING_MS = 10 * 60_000;

export function windowKey(resetsAt: number | null): string {
  return resetsAt === null ? 'unknown' : String(Math.round(resetsAt / WINDOW_ROUNDING_MS));
}

/** The one way a ledger key is built: kind, account, meter id and window key. */
function ledgerKey(kind: NoticeKind, account: string, feature: string, window: string): string {
  return [kind, account, feature, window].join('|');
}

/** The key of a notice of this kind for the window that resets at `resetsAt`. */
export function noticeKey(kind: NoticeKind, account: string, feature: string, resetsAt: number | null): string {
  return ledgerKey(kind, account, feature, windowKey(resetsAt));
}

/** A sent low or used-up notice of a known window. */
interface Warning {
  kind: 'low' | 'exhausted';
  account: string;
  feature: string;
  window: number;
}

/** The one way a ledger key is read back: a warning of a known window, or null (stored: it may be anything). */
export function warningOf(key: string): Warning | null {
  const [kind, account, feature, window, ...rest] = key.split('|');
  if ((kind !== 'low' && kind !== 'exhausted') || !account || !feature || !window || rest.length > 0) return null;
  const number = Number(window);
  return Number.isSafeInteger(number) ? { kind, account, feature, window: number } : null;
}

/** The key of the refill notice of a warned window. */
export function refillKey(warning: Warning): string {
  return ledgerKey('refill', warning.account, warning.feature, String(warning.window));
}

/** When a window named by `window` has surely reset: the rounding can put the key up to half a step early. */
export function refillTimeOf(window: number): number {
  return (window + 1) * WINDOW_ROUNDING_MS;
}

/** Whether a notice of this kind went out for the window keyed `window` or a neighbouring key (the same window). */
export function sentNear(ledger: NoticeLedger, kind: NoticeKind, account: string, feature: string, window: number): boolean {
  return [-1, 0, 1].some((shift) => ledger[ledgerKey(kind, account, feature, String(window + shift))] !== undefined);
}

/**
 * Whether a notice of this kind went out for this window. Neighbouring keys count as the same
 * window: an estimated reset ("in 14 hours") and the exact one may fall either side of a rounding
 * edge, while a genuinely new window is hours away.
 */
export function alreadySent(ledger: NoticeLedger, kind: NoticeKind, account: string, feature: string, resetsAt: number | null): boolean {
  if (resetsAt === null) return ledger[noticeKey(kind, account, feature, null)] !== undefined;
  return sentNear(ledger, kind, account, feature, Number(windowKey(resetsAt)));
}

/** Notices of every kind recorded since `since`: the one budget they all spend. */
export function sentSince(ledger: NoticeLedger, since: number): number {
  return Object.values(ledger).filter((sentAt) => sentAt > since).length;
}

/** Whether an entry still guards a running window (refills and unknown windows count as running). */
function guardsRunningWindow(key: string, now: number): boolean {
  const warning = warningOf(key);
  return warning === null || refillTimeOf(warning.window) > now;
}

/** Records sent notices by key; over the cap, entries of ended windows go first, then the oldest. */
export function recordSent<T extends { id: string }>(ledger: NoticeLedger, notices: readonly T[], now: number): NoticeLedger {
  if (notices.length === 0) return ledger;
  const next: NoticeLedger = { ...ledger };
  for (const notice of notices) next[notice.id] = now;
  const entries = Object.entries(next);
  if (entries.length <= MAX_LEDGER_ENTRIES) return next;
  const ranked = entries.map(([id, sentAt]) => ({ id, sentAt, running: guardsRunningWindow(id, now) }));
  ranked.sort((a, b) => Number(b.running) - Number(a.running) || b.sentAt - a.sentAt);
  return Object.fromEntries(ranked.slice(0, MAX_LEDGER_ENTRIES).map(({ id, sentAt }) => [id, sentAt]));
}
