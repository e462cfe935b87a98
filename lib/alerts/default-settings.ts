import { DEFAULT_BADGE_FEATURE } from './quota-badge';
import type { Settings } from './settings';

/**
 * The settings' version and defaults, without the schema (settings.ts): the popup paints its first
 * frame from settings the background validated, checking only this version
 * (lib/extension/first-paint-read.ts), and carries no zod in its first chunk.
 */

export const SETTINGS_VERSION = 1;

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    badgeFeature: DEFAULT_BADGE_FEATURE,
    lowThresholds: {},
    notifications: false,
    refillNotifications: true,
    runOutForecast: false,
    pageChip: false,
  };
}
