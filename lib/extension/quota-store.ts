import { browser } from 'wxt/browser';
import { type QuotaState, quotaStateFromStorage } from '../core/quota-state';
import { defineStoredValue } from './stored-value';
import { QUOTA_STATE_KEY } from './storage-keys';

/**
 * The one place quota state is read and written (storage.local, key `quotaState`).
 * Every read-modify-write runs on one promise chain: two tabs can report at once, and the
 * second must fold its reading into the first one's result, not into a stale copy.
 */

export { QUOTA_STATE_KEY };

export async function loadQuotaState(): Promise<{ state: QuotaState; problem: string | null }> {
  const stored = await browser.storage.local.get(QUOTA_STATE_KEY);
  return quotaStateFromStorage(stored[QUOTA_STATE_KEY]);
}

const quotaState = defineStoredValue(QUOTA_STATE_KEY, (raw) => quotaStateFromStorage(raw).state);

/** Runs `change` on the latest state and stores its result; returns the stored state. */
export function updateQuotaState(change: (state: QuotaState) => QuotaState): Promise<QuotaState> {
  return quotaState.update(change);
}
