import { z } from 'zod/mini';
import { SETTINGS_VERSION, defaultSettings as defaults } from './default-settings';
import { integer, name, text } from '../core/schema-parts';

/**
 * The user's settings (storage.local key `settings`), versioned and validated when read back.
 * Notifications are off by default: they need an optional permission the user grants by a click.
 */

// The defaults and the version live apart, without zod, for the popup's first paint.
export { SETTINGS_VERSION };

/** The longest window a cap the user sets may have: the 7 days the counts are kept (lib/core/model-counts.ts). */
export const MAX_CAP_WINDOW_HOURS = 168;
export const MAX_MODEL_CAP = 100_000;

/** A cap the user sets for a model the server does not count down: so many turns per so many hours. */
const modelCapSchema = z.object({ limit: integer(1, MAX_MODEL_CAP), windowHours: integer(1, MAX_CAP_WINDOW_HOURS) });
export type ModelCap = z.infer<typeof modelCapSchema>;

/** Version 1 had no caps: they start empty. */
export function settingsFromVersion1(older: Record<string, unknown>): Record<string, unknown> {
  return { ...older, version: 2, modelCaps: {} };
}

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** The feature the badge shows, or null for no number on the badge. */
  badgeFeature: z.nullable(name(200)),
  /** Per-feature low thresholds the user chose; absent features use the defaults. */
  lowThresholds: z.record(text(200), integer(0, 1_000_000)),
  notifications: z.boolean(),
  refillNotifications: z.boolean(),
  /**
   * A low notice also says, when the pace of the last hours runs it out before the reset, about
   * when. Off by default; defaulted when read back, so settings stored before it keep theirs.
   */
  runOutForecast: z._default(z.boolean(), false),
  /** A notice when memory is nearly full ("memory 90% full"). Off by default; defaulted when read back. */
  memoryNotice: z._default(z.boolean(), false),
  /** The optional chip in a corner of chatgpt.com. */
  pageChip: z.boolean(),
  /** Caps the user set per model slug (no cap table ships: a cap is the user's). */
  modelCaps: z.record(name(64), modelCapSchema),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: () => Settings = defaults;
