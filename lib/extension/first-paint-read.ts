import { browser } from 'wxt/browser';
import { SETTINGS_VERSION, defaultSettings } from '../alerts/default-settings';
import type { Settings } from '../alerts/settings';
import { STATE_VERSION, emptyQuotaState } from '../core/empty-quota-state';
import type { QuotaState } from '../core/quota-state';
import { joinValue, readSplitItems } from './split-storage';
import { BY_ACCOUNT, QUOTA_STATE_KEY, SETTINGS_KEY } from './storage-keys';

/**
 * The popup's first frame, read without zod so that its first chunk stays small (issue 24). The
 * quota state and the settings are written only through their stores, which validate what they
 * write (the background folds readings through the full schemas; the popup's settings store writes
 * only valid settings), so a value carrying this version's number is shown as it is for that one
 * frame. The full read through the stores (validated, migrated) follows at once and replaces it
 * (entrypoints/popup/checked-read.ts); a value of another version, or not an object, waits for it.
 *
 * The read is asked for as the popup's module starts to run, before the rest of it is evaluated
 * and mounted (entrypoints/popup/first-read.ts), so that storage's round trip to the browser
 * overlaps that work instead of following it.
 */

export interface FirstPaint {
  quota: QuotaState;
  settings: Settings;
}

function ofVersion<T>(raw: unknown, version: number, fallback: () => T): T | null {
  if (raw === undefined || raw === null) return fallback();
  const record = typeof raw === 'object' && !Array.isArray(raw) ? (raw as { version?: unknown }) : null;
  return record?.version === version ? (raw as T) : null;
}

/**
 * Asks storage for what the first frame needs (the quota state's head and the accounts it lists,
 * joined: lib/extension/split-storage.ts; the settings), at once, when called. Resolves to both
 * values as the first frame may show them, or null when either must wait for the full read (also
 * when the read failed: the checked read paints first then).
 */
export function readFirstPaint(): Promise<FirstPaint | null> {
  const get = (keys: string[]) => browser.storage.local.get(keys);
  return get([QUOTA_STATE_KEY, SETTINGS_KEY])
    .then((first) => readSplitItems(get, [QUOTA_STATE_KEY], first))
    .then((items) => {
      const quota = ofVersion<QuotaState>(joinValue(QUOTA_STATE_KEY, BY_ACCOUNT, items), STATE_VERSION, emptyQuotaState);
      const settings = ofVersion<Settings>(items[SETTINGS_KEY], SETTINGS_VERSION, defaultSettings);
      return quota !== null && settings !== null ? { quota, settings } : null;
    })
    .catch(() => null);
}
