import { SETTINGS_VERSION, defaultSettings, settingsSchema } from '../alerts/settings';
import { checkWith } from './schema-check';
import { defineStoredValue } from './stored-value';
import { SETTINGS_KEY } from './storage-keys';

/**
 * The user's settings (lib/alerts/settings.ts). One file per stored value keeps each bundle to what it
 * uses. Version 1 is the first: nothing older to migrate yet; a bump adds its step here.
 */
export const settingsStore = defineStoredValue({
  key: SETTINGS_KEY,
  check: checkWith(settingsSchema, 'stored settings'),
  fallback: defaultSettings,
  versions: { current: SETTINGS_VERSION, migrations: {} },
});
