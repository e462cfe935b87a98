import { settingsFromStorage } from '../settings';
import { defineStoredValue } from './stored-value';

/** The user's settings (lib/settings.ts). One file per stored value keeps each bundle to what it uses. */
export const settingsStore = defineStoredValue('settings', settingsFromStorage);
