import { browser } from 'wxt/browser';
import { SETTINGS_VERSION, defaultSettings } from '../alerts/default-settings';
import type { Settings } from '../alerts/settings';
import { STATE_VERSION, emptyQuotaState } from '../core/empty-quota-state';
import type { QuotaState } from '../core/quota-state';
import { QUOTA_STATE_KEY, SETTINGS_KEY } from './storage-keys';

/**
 * The popup's first frame, read without zod so that its first chunk stays small (issue 24). The
 * quota state and the settings are written only through their stores, which validate what they
 * write (the background folds readings through the full schemas; the popup's settings store writes
 * only valid settings), so a value carrying this version's number is shown as it is for that one
 * frame. The full read through the stores (validated, migrated) follows at once and replaces it
 * (entrypoints/popup/checked-read.ts); a value of another version, or not an object, waits for it.
 *
 * The read itself is asked for before the popup's module is fetched and compiled: a small classic
 * script in popup.html (entrypoints/popup-early-read.ts) starts it while the page is still being
 * parsed, so storage's round trip to the browser overlaps the loading of the popup's code instead of
 * following it.
 */

interface FirstPaint {
  quota: QuotaState;
  settings: Settings;
}

type StoredValues = Record<string, unknown>;
/** Where the early script leaves its pending read: the popup's own window, an extension page. */
type EarlyScope = { quotaMeterFirstRead?: Promise<StoredValues> };

const popupWindow = globalThis as EarlyScope;

/** Asks storage for what the first frame needs; called by the early script, and here when it did not run. */
export function startFirstRead(scope: EarlyScope = popupWindow): void {
  scope.quotaMeterFirstRead = browser.storage.local.get([QUOTA_STATE_KEY, SETTINGS_KEY]);
}

/** The early read, taken once (a later read must ask storage afresh), or a new one. */
function takeFirstRead(scope: EarlyScope): Promise<StoredValues> {
  if (scope.quotaMeterFirstRead === undefined) startFirstRead(scope);
  const read = scope.quotaMeterFirstRead!;
  delete scope.quotaMeterFirstRead;
  return read;
}

function ofVersion<T>(raw: unknown, version: number, fallback: () => T): T | null {
  if (raw === undefined || raw === null) return fallback();
  const record = typeof raw === 'object' && !Array.isArray(raw) ? (raw as { version?: unknown }) : null;
  return record?.version === version ? (raw as T) : null;
}

/** Both values as the first frame may show them, or null when either must wait for the full read. */
export async function readFirstPaint(scope: EarlyScope = popupWindow): Promise<FirstPaint | null> {
  const stored = await takeFirstRead(scope);
  const quota = ofVersion<QuotaState>(stored[QUOTA_STATE_KEY], STATE_VERSION, emptyQuotaState);
  const settings = ofVersion<Settings>(stored[SETTINGS_KEY], SETTINGS_VERSION, defaultSettings);
  return quota !== null && settings !== null ? { quota, settings } : null;
}
