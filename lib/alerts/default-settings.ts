import { DEFAULT_BADGE_FEATURE } from './defaults';

/**
 * The settings' version and defaults, without the schema (settings.ts, which re-exports them typed,
 * and imports nothing back: no import circle): the popup paints its first
 * frame from settings the background validated, checking only this version
 * (lib/extension/first-paint-read.ts), and carries no zod in its first chunk.
 */

/** Version 2 added the caps the user sets per model (settings.ts migrates version 1). */
export const SETTINGS_VERSION = 2 as const;

export function defaultSettings() {
  return {
    version: SETTINGS_VERSION,
    badgeFeature: DEFAULT_BADGE_FEATURE as string | null,
    lowThresholds: {} as Record<string, number>,
    notifications: false,
    refillNotifications: true,
    runOutForecast: false,
    memoryNotice: false,
    pageChip: false,
    modelCaps: {} as Record<string, { limit: number; windowHours: number }>,
  };
}
