import { DEFAULT_ACCOUNT } from '../core/empty-quota-state';
import type { QuotaState } from '../core/quota-state';

/**
 * The accounts the popup can show. Keys are opaque hashes (lib/page/account-key.ts), so the user
 * reads a neutral label instead: "Account 1 · …a1b2". Numbers follow the keys' order, which
 * never changes, so an account keeps its number while others come and go in use.
 */

export interface AccountChoice {
  key: string;
  /** 1-based among the identified accounts; null for readings of an unidentified account. */
  number: number | null;
  /** The key's last four hex digits, to tell accounts apart at a glance; null for the unidentified one. */
  suffix: string | null;
  plan: string | null;
  /** The account of the chatgpt.com tab looked at last: the badge, the chip and notifications follow it. */
  followedByBadge: boolean;
}

export function accountChoices(state: QuotaState): AccountChoice[] {
  const keys = Object.keys(state.accounts).sort(
    (a, b) => Number(b === DEFAULT_ACCOUNT) - Number(a === DEFAULT_ACCOUNT) || a.localeCompare(b),
  );
  let number = 0;
  return keys.map((key) => {
    const identified = key !== DEFAULT_ACCOUNT;
    if (identified) number += 1;
    return {
      key,
      number: identified ? number : null,
      suffix: identified ? key.slice(-4) : null,
      plan: state.accounts[key]?.plan ?? null,
      followedByBadge: key === state.activeAccount,
    };
  });
}

/** "Account 2 · …a1b2", or the unidentified account's name, through the message catalogue. */
export function accountLabel(
  choice: AccountChoice,
  translate: (key: 'popup_accountDefault' | 'popup_accountNumbered', substitutions?: string[]) => string,
): string {
  if (choice.number === null || choice.suffix === null) return translate('popup_accountDefault');
  return translate('popup_accountNumbered', [String(choice.number), choice.suffix]);
}

/** The account the user asked to see while it still exists, else the one the badge follows. */
export function shownAccountKey(state: QuotaState, wanted: string | null): string {
  return wanted !== null && Object.hasOwn(state.accounts, wanted) ? wanted : state.activeAccount;
}

/** The site's plan_type is lower case ("plus"); the user reads it as the product name ("Plus"). */
export function planLabel(plan: string): string {
  return plan.charAt(0).toUpperCase() + plan.slice(1);
}
