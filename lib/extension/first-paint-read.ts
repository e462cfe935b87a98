import { SETTINGS_VERSION, defaultSettings } from '../alerts/default-settings';
import type { Settings } from '../alerts/settings';
import { STATE_VERSION, emptyQuotaState } from '../core/empty-quota-state';
import type { QuotaState } from '../core/quota-state';

/**
 * The popup's first frame, read without zod so that its first chunk stays small (issue 24). The
 * quota state and the settings are written only through their stores, which validate what they
 * write (the background folds readings through the full schemas; the popup's settings store writes
 * only valid settings), so a value carrying this version's number is shown as it is for that one
 * frame. The full read through the stores (validated, migrated) follows at once and replaces it
 * (entrypoints/popup/checked-read.ts); a value of another version, or not an object, waits for it.
 *
 * The read itself is asked for before the popup's module is fetched and compiled: a small classic
 * script in popup.html (entrypoints/popup-early-read.ts, first-read-start.ts) starts it while the
 * page is still being parsed, so storage's round trip to the browser overlaps the loading of the popup's code instead of
 * following it.
 */

interface FirstPaint {
  quota: QuotaState;
  settings: Settings;
}

/** The two stored values as the early read found them (the quota state joined), not yet checked. */
type StoredValues = { quota: unknown; settings: unknown };
/** Where the early script leaves its pending read (first-read-start.ts): the popup's own window, an extension page. */
export type EarlyScope = { quotaMeterFirstRead?: Promise<StoredValues> };

export const popupWindow = globalThis as EarlyScope;

/** The early read, taken once (a later read must ask storage afresh); null when there is none or it failed. */
async function takeFirstRead(scope: EarlyScope): Promise<StoredValues | null> {
  const read = scope.quotaMeterFirstRead;
  delete scope.quotaMeterFirstRead;
  return read === undefined ? null : read.catch(() => null);
}

function ofVersion<T>(raw: unknown, version: number, fallback: () => T): T | null {
  if (raw === undefined || raw === null) return fallback();
  const record = typeof raw === 'object' && !Array.isArray(raw) ? (raw as { version?: unknown }) : null;
  return record?.version === version ? (raw as T) : null;
}

/**
 * Both values as the first frame may show them, or null when either must wait for the full read
 * (also when the early script did not run or its read failed: the checked read paints first then).
 */
export async function readFirstPaint(scope: EarlyScope = popupWindow): Promise<FirstPaint | null> {
  const stored = await takeFirstRead(scope);
  if (stored === null) return null;
  const quota = ofVersion<QuotaState>(stored.quota, STATE_VERSION, emptyQuotaState);
  const settings = ofVersion<Settings>(stored.settings, SETTINGS_VERSION, defaultSettings);
  return quota !== null && settings !== null ? { quota, settings } : null;
}
