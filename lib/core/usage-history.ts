import { z } from 'zod/mini';
import { keepNewest } from './keep-newest';
import type { FeatureState } from './quota-state';
import { list, text } from './schema-parts';

/**
 * A compact usage history per account and feature: for each local day, how many uses the
 * readings showed (drops of `remaining` within one window). 60 days of a handful of features
 * take a few KB. A refill or a new window is not usage; a refusal's "0" is not a count either.
 */

export const HISTORY_VERSION = 1;
export const HISTORY_DAYS = 60;
const MAX_FEATURES = 16;
const MAX_ACCOUNTS = 10;
const DAY_MS = 24 * 3600 * 1000;

/** [local day number, uses that day] */
// A plain check rather than z.tuple: the popup's first chunk shares zod's code, and only this needs tuples.
const isDayEntry = (value: unknown): value is [number, number] =>
  Array.isArray(value) &&
  value.length === 2 &&
  Number.isSafeInteger(value[0]) &&
  Number.isSafeInteger(value[1]) &&
  value[1] >= 0 &&
  value[1] <= 1_000_000;
const dayEntry = z.custom<[number, number]>(isDayEntry);
const featureDays = list(dayEntry, HISTORY_DAYS);

export const historySchema = z.object({
  version: z.literal(HISTORY_VERSION),
  accounts: z.record(text(200), z.record(text(200), featureDays)),
});

export type UsageHistory = z.infer<typeof historySchema>;

export function emptyHistory(): UsageHistory {
  return { version: HISTORY_VERSION, accounts: {} };
}

/** The local day number of a time, given the zone's offset (Date#getTimezoneOffset, minutes). */
export function localDayOf(time: number, timezoneOffsetMinutes: number): number {
  return Math.floor((time - timezoneOffsetMinutes * 60_000) / DAY_MS);
}

/** Uses between two readings of one feature: a drop within the same window, else 0. */
export function usesBetween(previous: FeatureState | undefined, next: FeatureState): number {
  if (previous === undefined || next.source === 'refusal') return 0;
  const sameWindow = previous.resetsAt === null || next.seenAt < previous.resetsAt;
  return sameWindow ? Math.max(0, previous.remaining - next.remaining) : 0;
}

function newestDay(days: Array<[number, number]>): number {
  return days.reduce((latest, [day]) => Math.max(latest, day), -Infinity);
}

export function recordUses(history: UsageHistory, accountId: string, feature: string, uses: number, day: number): UsageHistory {
  if (uses <= 0) return history;
  const account = history.accounts[accountId] ?? {};
  const days = (account[feature] ?? []).filter(([entryDay]) => entryDay > day - HISTORY_DAYS);
  const today = days.find(([entryDay]) => entryDay === day);
  const nextDays: Array<[number, number]> = today
    ? days.map(([entryDay, count]) => [entryDay, entryDay === day ? count + uses : count])
    : [...days, [day, uses]];
  nextDays.sort(([a], [b]) => a - b);
  const features = keepNewest({ ...account, [feature]: nextDays }, MAX_FEATURES, feature, newestDay);
  return { ...history, accounts: keepLongest({ ...history.accounts, [accountId]: features }) };
}

/** How many days an account's history covers (every feature's days together). */
const daysOf = (account: Record<string, Array<[number, number]>>) =>
  new Set(Object.values(account).flatMap((days) => days.map(([day]) => day))).size;

/** Days of history of one account (0 when it has none): how account-eviction.ts ranks accounts. */
export function historyDays(history: UsageHistory, accountId: string): number {
  return Object.hasOwn(history.accounts, accountId) ? daysOf(history.accounts[accountId]!) : 0;
}

/**
 * Past MAX_ACCOUNTS, the accounts with the fewest days of history go first (the most recent
 * first among equals), whichever was just written: accounts a page made up, each with a day of
 * uses, never push out an account with weeks of history (issue 23: twenty forged messages did).
 */
function keepLongest(accounts: UsageHistory['accounts']): UsageHistory['accounts'] {
  const entries = Object.entries(accounts);
  if (entries.length <= MAX_ACCOUNTS) return accounts;
  const ranked = entries.map(([id, account]) => ({
    id,
    days: daysOf(account),
    newest: Math.max(...Object.values(account).map(newestDay)),
  }));
  ranked.sort((a, b) => b.days - a.days || b.newest - a.newest);
  const keep = new Set(ranked.slice(0, MAX_ACCOUNTS).map(({ id }) => id));
  return Object.fromEntries(entries.filter(([id]) => keep.has(id)));
}

/** Uses per day for the `count` days ending with `today`, oldest first (0 for days without uses). */
export function usesPerDay(history: UsageHistory, accountId: string, feature: string, today: number, count: number = 7): number[] {
  const days = history.accounts[accountId]?.[feature] ?? [];
  return Array.from({ length: count }, (_, index) => {
    const day = today - (count - 1 - index);
    return days.find(([entryDay]) => entryDay === day)?.[1] ?? 0;
  });
}
