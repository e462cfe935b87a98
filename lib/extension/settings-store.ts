import { settingsFromStorage } from '../alerts/settings';
import { defineStoredValue } from './stored-value';

/** The user's settings (lib/alerts/settings.ts). One file per stored value keeps each bundle to what it uses. */
export const settingsStore = defineStoredValue('settings', settingsFromStorage);
