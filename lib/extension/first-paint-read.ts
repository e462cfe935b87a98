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
 */

interface FirstPaint {
  quota: QuotaState;
  settings: Settings;
}

function ofVersion<T>(raw: unknown, version: number, fallback: () => T): T | null {
  if (raw === undefined || raw === null) return fallback();
  const record = typeof raw === 'object' && !Array.isArray(raw) ? (raw as { version?: unknown }) : null;
  return record?.version === version ? (raw as T) : null;
}

/** Both values as the first frame may show them, or null when either must wait for the full read. */
export async function readFirstPaint(): Promise<FirstPaint | null> {
  const stored = await browser.storage.local.get([QUOTA_STATE_KEY, SETTINGS_KEY]);
  const quota = ofVersion<QuotaState>(stored[QUOTA_STATE_KEY], STATE_VERSION, emptyQuotaState);
  const settings = ofVersion<Settings>(stored[SETTINGS_KEY], SETTINGS_VERSION, defaultSettings);
  return quota !== null && settings !== null ? { quota, settings } : null;
}
