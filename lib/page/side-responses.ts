import { recordOf } from './json-record';
import { isArray, push } from './page-natives';
import { planName } from './plan-name';

/**
 * Quota-adjacent answers the page receives: the plan and account ids of accounts/check, and the
 * legacy HTTP 429 model_cap_exceeded body. Only the few fields named here are read, and only own
 * ones (the values come from jsonValueOf, whose objects have no prototype).
 */

const MAX_CLEARS_IN_SECONDS = 31 * 24 * 3600;

interface AccountsCheck {
  /** Raw account ids in the page's order (kept in the page only, hashed before they leave). */
  accountIds: string[];
  planOf: (accountId: string | null) => string | null;
}

export function readAccountsCheck(value: unknown): AccountsCheck | null {
  const accounts = recordOf(recordOf(value)?.accounts);
  if (!accounts) return null;
  const ordering = recordOf(value)?.account_ordering;
  const ids: string[] = [];
  if (isArray(ordering))
    for (let index = 0; index < ordering.length; index++) if (typeof ordering[index] === 'string') push(ids, ordering[index]);
  const planOf = (accountId: string | null): string | null => {
    const entry = recordOf(accounts[accountId ?? ids[0] ?? 'default']) ?? recordOf(accounts.default);
    return planName(recordOf(entry?.account)?.plan_type);
  };
  return { accountIds: ids, planOf };
}

/** `{"detail":{"code":"model_cap_exceeded","clears_in":9665}}` -> 9 665 000 ms, else null. */
export function modelCapClearsInMs(value: unknown): number | null {
  const detail = recordOf(recordOf(value)?.detail);
  if (detail?.code !== 'model_cap_exceeded') return null;
  const seconds = detail.clears_in;
  // No Number.isFinite or Math.round: statics a page can replace. NaN fails both comparisons.
  if (typeof seconds !== 'number' || !(seconds >= 0 && seconds <= MAX_CLEARS_IN_SECONDS)) return null;
  const ms = seconds * 1000;
  return ms - (ms % 1) + (ms % 1 >= 0.5 ? 1 : 0);
}
