import type { Meter } from '../core/meter';

/**
 * A meter's number as the badge and the page chip show it. Apart from the badge's view so that the
 * chip, in every chatgpt.com page, carries the text without the badge's colours.
 */

/** Four characters at most: "999+". */
const MAX_BADGE_NUMBER = 999;

/** A count ("12", "999+") or a percent left ("63%", at most four characters with "100%"). */
export function badgeText(meter: Pick<Meter, 'unit' | 'left'>): string {
  if (meter.unit === 'percent') return `${meter.left}%`;
  return meter.left > MAX_BADGE_NUMBER ? `${MAX_BADGE_NUMBER}+` : String(meter.left);
}
