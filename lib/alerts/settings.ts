import { z } from 'zod/mini';
import { SETTINGS_VERSION, defaultSettings as defaults } from './default-settings';
import { integer, name, text } from '../core/schema-parts';

/**
 * The user's settings (storage.local key `settings`), versioned and validated when read back.
 * Notifications are off by default: they need an optional permission the user grants by a click.
 */

// The defaults and the version live apart, without zod, for the popup's first paint.
export { SETTINGS_VERSION };

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
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: () => Settings = defaults;
