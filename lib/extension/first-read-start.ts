import { browser } from 'wxt/browser';
import { popupWindow, type EarlyScope } from './first-paint-read';
import { joinValue, readSplitItems } from './split-storage';
import { BY_ACCOUNT, QUOTA_STATE_KEY, SETTINGS_KEY } from './storage-keys';

/**
 * Asks storage for what the first frame needs, joined: the quota state's head and the accounts it
 * lists (lib/extension/split-storage.ts), and the settings. Called by the early script only, so the
 * popup's first chunk carries none of it.
 */
export function startFirstRead(scope: EarlyScope = popupWindow): void {
  const get = (keys: string[]) => browser.storage.local.get(keys);
  scope.quotaMeterFirstRead = get([QUOTA_STATE_KEY, SETTINGS_KEY])
    .then((first) => readSplitItems(get, [QUOTA_STATE_KEY], first))
    .then((items) => ({ quota: joinValue(QUOTA_STATE_KEY, BY_ACCOUNT, items), settings: items[SETTINGS_KEY] }));
}
