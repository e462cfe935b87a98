import { STATE_MIGRATIONS, STATE_VERSION, emptyQuotaState, quotaStateFromStorage } from '../core/quota-state';
import { defineStoredValue } from './stored-value';
import { QUOTA_STATE_KEY } from './storage-keys';

/**
 * The one place quota state is read and written (storage.local, key `quotaState`). Every
 * read-modify-write runs on one promise chain: two tabs can report at once, and the second must
 * fold its reading into the first one's result, not into a stale copy. Version 2 renamed Codex
 * windows by limit and length (lib/core/codex-state-migration.ts).
 */
export const quotaStore = defineStoredValue({
  key: QUOTA_STATE_KEY,
  check: (raw) => {
    const { state, problem } = quotaStateFromStorage(raw);
    return problem === null ? { ok: true, value: state } : { ok: false, reason: problem };
  },
  fallback: emptyQuotaState,
  versions: { current: STATE_VERSION, migrations: STATE_MIGRATIONS },
});
