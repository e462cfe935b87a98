import { SETTINGS_VERSION, defaultSettings, settingsFromVersion1, settingsSchema } from '../alerts/settings';
import { checkWith } from './schema-check';
import { defineStoredValue } from './stored-value';
import { SETTINGS_KEY } from './storage-keys';

/**
 * The user's settings (lib/alerts/settings.ts). One file per stored value keeps each bundle to what it
 * uses. Version 2 added the caps the user sets per model (issue 22); a bump adds its step here.
 */
export const settingsStore = defineStoredValue({
  key: SETTINGS_KEY,
  check: checkWith(settingsSchema, 'stored settings'),
  fallback: defaultSettings,
  versions: { current: SETTINGS_VERSION, migrations: { 1: settingsFromVersion1 } },
});
