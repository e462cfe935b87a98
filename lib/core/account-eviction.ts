import type { AccountState } from './quota-state';
import { MAX_ACCOUNTS } from './quota-state';

/**
 * Which accounts the quota state keeps. A page can make up account keys, so a newcomer must
 * never push out an account the user has history with:
 * - the active account (the one just written) is kept, unless it is a newcomer and every other
 *   slot holds an account that outranks it: then it is the one not kept;
 * - an account seen in one reading only (`seenOnce`) is in quarantine: at most MAX_SEEN_ONCE of
 *   them, oldest out first, and they go before any other; so does an account not seen for
 *   STALE_AFTER_MS (a user who moved on from it), so that the ten slots never fill for good;
 * - then accounts with more days of usage history outrank those with fewer, and among equals the
 *   most recently seen (a Codex reading counts, so an account seen only on Codex pages is kept):
 *   made-up accounts, each with a day or two of forged uses, never outrank weeks of real history.
 * - the accounts other than the active one weigh at most MAX_OTHER_ACCOUNTS_CHARS as JSON (every
 *   reading rewrites the whole state); past it, the lowest ranked go first.
 */

export const MAX_SEEN_ONCE = 3;
/** The usage history's span (60 days): an account silent that long has no history left to protect. */
const STALE_AFTER_MS = 60 * 24 * 3600 * 1000;

/**
 * What all the accounts but the active one may weigh, as JSON. A real account is a few KB; every
 * reading rewrites the whole state, so accounts a page made up (each reading up to the 32 KB
 * message cap) must not make each small reading rewrite hundreds of KB (measured in
 * test/unit/hostile/storage-amplification.test.ts).
 */
export const MAX_OTHER_ACCOUNTS_CHARS = 48 * 1024;

function lastSeen(account: AccountState): number {
  return Math.max(account.lastReading?.at ?? 0, account.codex?.seenAt ?? 0, account.memory?.seenAt ?? 0);
}

/** Higher is kept longer: [neither in quarantine nor stale, days of usage history, last seen]. */
function rank(account: AccountState, historyDays: number, now: number): [number, number, number] {
  const seen = lastSeen(account);
  return [account.seenOnce === true || now - seen > STALE_AFTER_MS ? 0 : 1, historyDays, seen];
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return b[0] - a[0] || b[1] - a[1] || b[2] - a[2];
}

/**
 * The accounts to keep after `active` was written, or null when `active` is a newcomer with no
 * room left: every other account outranks it, and none of them is dropped for it.
 */
export function keptAccounts(
  accounts: Record<string, AccountState>,
  active: string,
  historyDays: (account: string) => number,
): Record<string, AccountState> | null {
  const now = accounts[active] ? lastSeen(accounts[active]) : 0;
  const others = Object.entries(accounts)
    .filter(([id]) => id !== active)
    .map(([id, account]) => ({ id, account, rank: rank(account, historyDays(id), now) }));
  others.sort((a, b) => compare(a.rank, b.rank));
  const newcomer = accounts[active]?.seenOnce === true;
  let seenOnce = newcomer ? 1 : 0;
  let total = 0;
  const kept = others.filter(({ account }) => {
    if (account.seenOnce === true && ++seenOnce > MAX_SEEN_ONCE) return false;
    total += JSON.stringify(account).length;
    return total <= MAX_OTHER_ACCOUNTS_CHARS;
  });
  if (kept.length > MAX_ACCOUNTS - 1) {
    // No room: the newcomer is the one not kept, unless it outranks the lowest of the others.
    const lowest = kept[kept.length - 1]!;
    if (newcomer && compare(rank(accounts[active]!, historyDays(active), now), lowest.rank) >= 0) return null;
    kept.length = MAX_ACCOUNTS - 1;
  }
  if (kept.length === others.length) return accounts;
  const keep = new Set([active, ...kept.map(({ id }) => id)]);
  return Object.fromEntries(Object.entries(accounts).filter(([id]) => keep.has(id)));
}
