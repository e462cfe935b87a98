/**
 * Which accounts each chatgpt.com tab may move. A page script can name any account key; the
 * background files a tab's findings only under the keys that tab reported, and a tab may
 * introduce at most MAX_NEW_ACCOUNTS_PER_TAB new keys an hour (a user switches accounts a few
 * times a day; a page flooding made-up keys is cut off at the fourth). Two tabs of one account
 * each report it and each may move it. Pure: the ledger and the time are arguments.
 */

export const MAX_NEW_ACCOUNTS_PER_TAB = 3;
const NEW_ACCOUNT_WINDOW_MS = 60 * 60_000;
/** Keys remembered per tab: more than it may add in a window, so a long-lived tab keeps its own. */
const MAX_KEYS_PER_TAB = 8;

interface TabLedger {
  /** The keys this tab reported, oldest first. */
  accounts: string[];
  /** When it added each new key, within the last window. */
  added: number[];
}

export type TabAccounts = Map<number, TabLedger>;

/** Whether `tab` may move `account` now: known to it, or newly admitted within its rate. Records an admission. */
export function admitAccount(tabs: TabAccounts, tab: number, account: string, now: number): boolean {
  const ledger = tabs.get(tab) ?? { accounts: [], added: [] };
  if (ledger.accounts.includes(account)) return true;
  const recent = ledger.added.filter((at) => now - at < NEW_ACCOUNT_WINDOW_MS);
  if (recent.length >= MAX_NEW_ACCOUNTS_PER_TAB) return false;
  tabs.set(tab, { accounts: [...ledger.accounts, account].slice(-MAX_KEYS_PER_TAB), added: [...recent, now] });
  return true;
}

/** Whether `tab` reported `account` (no admission): what a page-active message may switch to. */
export function tabKnowsAccount(tabs: TabAccounts, tab: number, account: string): boolean {
  return tabs.get(tab)?.accounts.includes(account) ?? false;
}
