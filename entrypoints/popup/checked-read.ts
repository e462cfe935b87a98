import type { Settings } from '../../lib/alerts/settings';
import type { QuotaState } from '../../lib/core/quota-state';
import { quotaStore } from '../../lib/extension/quota-store';
import { settingsStore } from '../../lib/extension/settings-store';

/**
 * The popup's full read of storage: through the stores, validated and migrated with their schemas
 * (zod). A chunk of its own, fetched while the first frame paints (live-popup.tsx), so that the
 * popup's first chunk carries no zod; every read after the first frame goes through here.
 */

export interface CheckedRead {
  quota: { value: QuotaState; rejected: string | null };
  settings: Settings;
}

export function readChecked(): Promise<CheckedRead> {
  return Promise.all([quotaStore.read(), settingsStore.get()]).then(([quota, settings]) => ({ quota, settings }));
}

/** Calls `onChange` whenever the background stores a reading or the user changes a setting. */
export function watchStored(onChange: () => void): () => void {
  const stops = [quotaStore.watch(onChange), settingsStore.watch(onChange)];
  return () => {
    for (const stop of stops) stop();
  };
}
