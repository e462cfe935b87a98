import { settingsFromStorage } from '../alerts/settings';
import { defineStoredValue } from './stored-value';
import { SETTINGS_KEY } from './storage-keys';

/** The user's settings (lib/alerts/settings.ts). One file per stored value keeps each bundle to what it uses. */
export const settingsStore = defineStoredValue(SETTINGS_KEY, settingsFromStorage);
