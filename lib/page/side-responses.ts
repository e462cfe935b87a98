import { recordOf } from './json-record';
import { isArray, push } from './page-natives';
import { planName } from './plan-name';

/**
 * Quota-adjacent answers the page receives: the plan and account ids of accounts/check, the
 * legacy HTTP 429 model_cap_exceeded body, and how full memory is. Only the few fields named here
 * are read, and only own ones (the values come from jsonValueOf, whose objects have no prototype).
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

/** How full memory is, as GET /backend-api/memories states it beside the memories (docs/protocol.md section 8). */
export type PickedMemory = { memory_num_tokens: number | string | null; memory_max_tokens: number | string | null };

/** A number, or a short string that may be one (the background decides): never a longer text. */
const numberish = (value: unknown) => (typeof value === 'number' || (typeof value === 'string' && value.length <= 24) ? value : null);

/**
 * The two numbers of a memories body, or null when it has neither: the memories themselves (their
 * text, ids, dates) are parsed with the body, as JSON must be, and dropped here unread.
 */
export function pickMemory(value: unknown): PickedMemory | null {
  const body = recordOf(value);
  const picked = { memory_num_tokens: numberish(body?.memory_num_tokens), memory_max_tokens: numberish(body?.memory_max_tokens) };
  return picked.memory_num_tokens === null && picked.memory_max_tokens === null ? null : picked;
}
