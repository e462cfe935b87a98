import { browser } from 'wxt/browser';
import { logDiagnostic } from '../../lib/extension/diagnostics-log';
import { historyStore } from '../../lib/extension/history-store';
import { lastFindingsStore } from '../../lib/extension/last-findings-store';
import { modelCountStore } from '../../lib/extension/model-count-store';
import { quotaStore } from '../../lib/extension/quota-store';
import { orphanKeys } from '../../lib/extension/split-storage';

/**
 * A write of a split value (lib/extension/split-storage.ts) sets its new head, then removes the
 * entries it dropped; a browser that stops in between leaves entries no head lists, which nothing
 * would read or remove again. Each worker start looks for them in one read of storage and, only for
 * a value that has some, sweeps them on that store's own write queue (which reads again, so that a
 * write in between is seen); it logs that it did by a fixed code (the keys hold account ids, which
 * the log never shows).
 */

/** Every split value's store (storage-keys.ts SPLIT_VALUES); the background test checks none is missing. */
const SPLIT_STORES = [quotaStore, modelCountStore, historyStore, lastFindingsStore];

/** Removes the orphaned entries of every split value, logged when there were any. Never throws. */
export async function sweepOrphanedEntries(): Promise<void> {
  const items = await browser.storage.local.get(null).catch(() => ({}));
  const orphaned = SPLIT_STORES.filter((store) => orphanKeys(items, [store.key]).length > 0);
  const removed = await Promise.all(orphaned.map((store) => store.sweep()));
  if (removed.some((count) => count > 0)) await logDiagnostic('storage', 'orphaned entries removed').catch(() => undefined);
}
