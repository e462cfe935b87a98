import { DEFAULT_BADGE_FEATURE } from '../alerts/quota-badge';

/** image_gen first (the badge's default), then by the name the user reads, as in the quota list. */
export function featureNameOrder(label: (name: string) => string): (a: string, b: string) => number {
  return (a, b) => Number(b === DEFAULT_BADGE_FEATURE) - Number(a === DEFAULT_BADGE_FEATURE) || label(a).localeCompare(label(b));
}
