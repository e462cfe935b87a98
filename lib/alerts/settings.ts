import { z } from 'zod/mini';
import { DEFAULT_BADGE_FEATURE, DEFAULT_LOW_THRESHOLD } from './quota-badge';
import { isCodexWindowName } from '../core/codex-usage';
import { integer, name, text } from '../core/schema-parts';

/**
 * The user's settings (storage.local key `settings`), versioned and validated when read back.
 * Notifications are off by default: they need an optional permission the user grants by a click.
 */

export const SETTINGS_VERSION = 1;
/** For features other than image_gen, "low" is this share of the largest remaining seen. */
const DEFAULT_LOW_SHARE = 0.2;
/** A Codex window is "low" at this percent left, unless the user chose another. */
const DEFAULT_WINDOW_LOW_PERCENT = 20;

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** The feature the badge shows, or null for no number on the badge. */
  badgeFeature: z.nullable(name(200)),
  /** Per-feature low thresholds the user chose; absent features use the defaults. */
  lowThresholds: z.record(text(200), integer(0, 1_000_000)),
  notifications: z.boolean(),
  refillNotifications: z.boolean(),
  /** The optional chip in a corner of chatgpt.com. */
  pageChip: z.boolean(),
});

export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    badgeFeature: DEFAULT_BADGE_FEATURE,
    lowThresholds: {},
    notifications: false,
    refillNotifications: true,
    pageChip: false,
  };
}

/**
 * The count at or below which a feature is "low": the user's choice, else 10 for images, else 20% of
 * the most seen. For a Codex window it is a percent left: the user's choice, else 20.
 */
export function lowThresholdFor(settings: Pick<Settings, 'lowThresholds'>, feature: string, maxSeen: number): number {
  const chosen = settings.lowThresholds[feature];
  if (chosen !== undefined) return chosen;
  if (feature === DEFAULT_BADGE_FEATURE) return DEFAULT_LOW_THRESHOLD;
  if (isCodexWindowName(feature)) return DEFAULT_WINDOW_LOW_PERCENT;
  return Math.floor(maxSeen * DEFAULT_LOW_SHARE);
}
