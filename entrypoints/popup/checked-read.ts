import type { Settings } from '../../lib/alerts/settings';
import type { QuotaState } from '../../lib/core/quota-state';
import { quotaStore } from '../../lib/extension/quota-store';
import { settingsStore } from '../../lib/extension/settings-store';
import { resetModelCounts, type ModelCounts } from '../../lib/core/model-counts';
import { modelCountStore } from '../../lib/extension/model-count-store';

/**
 * The popup's full read of storage: through the stores, validated and migrated with their schemas
 * (zod). A chunk of its own, fetched while the first frame paints (live-popup.tsx), so that the
 * popup's first chunk carries no zod; every read after the first frame goes through here.
 */

export interface CheckedRead {
  quota: { value: QuotaState; rejected: string | null };
  settings: Settings;
  /** The models counted in this browser (lib/core/model-counts.ts). */
  counts: ModelCounts;
}

export function readChecked(): Promise<CheckedRead> {
  return Promise.all([quotaStore.read(), settingsStore.get(), modelCountStore.get()]).then(([quota, settings, counts]) => ({
    quota,
    settings,
    counts,
  }));
}

/** Calls `onChange` whenever the background stores a reading or a count, or the user changes a setting. */
export function watchStored(onChange: () => void): () => void {
  const stops = [quotaStore.watch(onChange), settingsStore.watch(onChange), modelCountStore.watch(onChange)];
  return () => {
    for (const stop of stops) stop();
  };
}

/** "Reset counts" of one model of one account (the popup's counted models). */
export function resetCounts(account: string, slug: string): Promise<unknown> {
  return modelCountStore.update((counts) => resetModelCounts(counts, account, slug));
}
