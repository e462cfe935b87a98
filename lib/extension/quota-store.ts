import { browser } from 'wxt/browser';
import { type QuotaState, quotaStateFromStorage } from '../quota-state';

/**
 * The one place quota state is read and written (storage.local, key `quotaState`).
 * Every read-modify-write runs on one promise chain: two tabs can report at once, and the
 * second must fold its reading into the first one's result, not into a stale copy.
 */

export const QUOTA_STATE_KEY = 'quotaState';

export async function loadQuotaState(): Promise<{ state: QuotaState; problem: string | null }> {
  const stored = await browser.storage.local.get(QUOTA_STATE_KEY);
  return quotaStateFromStorage(stored[QUOTA_STATE_KEY]);
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `change` on the latest state and stores its result; returns the stored state. */
export function updateQuotaState(change: (state: QuotaState) => QuotaState): Promise<QuotaState> {
  const next = queue.then(async () => {
    const { state } = await loadQuotaState();
    const changed = change(state);
    if (changed !== state) await browser.storage.local.set({ [QUOTA_STATE_KEY]: changed });
    return changed;
  });
  queue = next.catch(() => undefined);
  return next;
}
