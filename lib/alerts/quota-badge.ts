import type { Meter } from '../core/meter';
import { meterOf, type MeterAccount, type MeterSettings } from './account-meters';
import { badgeView, type BadgeView } from './badge-view';
import { DEFAULT_BADGE_FEATURE } from './defaults';
import { badgeText } from './badge-text';

export { BADGE_COLORS, type BadgeStatus, type BadgeView } from './badge-view';

/**
 * What the toolbar badge shows for one meter (image_gen by default; a Codex window or any other
 * kind the user picks). Pure; the background paints it and arms an alarm at `staleAt`, when the
 * shown number stops being current.
 */

/** The badge of a meter, coloured by its status; "none" when nothing read the meter `id`. A block shows 0 and the block's own reset. */
function badgeOfMeter(meter: Meter | undefined, id: string, now: number): BadgeView {
  if (meter === undefined) return badgeView('none', id, '', null, null, now);
  return badgeView(meter.status, id, badgeText(meter), meter.left, meter.resetsAt, now);
}

/** What the badge reads of the settings: which meter, and the low thresholds. */
type BadgeSettings = MeterSettings & { badgeFeature: string | null };

const DEFAULT_BADGE_SETTINGS: BadgeSettings = { badgeFeature: DEFAULT_BADGE_FEATURE, lowThresholds: {} };

export function badgeFor(account: MeterAccount | undefined, now: number, settings: BadgeSettings = DEFAULT_BADGE_SETTINGS): BadgeView {
  const id = settings.badgeFeature;
  if (id === null) return badgeView('off', '', '', null, null, now);
  return badgeOfMeter(meterOf(account, id, settings, now), id, now);
}
