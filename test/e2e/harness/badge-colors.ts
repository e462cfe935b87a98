import { BADGE_COLORS, type BadgeStatus } from '../../../lib/alerts/quota-badge';

/** The colour chrome.action reports for a status: BADGE_COLORS' "#RRGGBB" as [r, g, b, 255]. */
export function badgeColorOf(status: BadgeStatus): [number, number, number, number] {
  const hex = BADGE_COLORS[status];
  const channel = (at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
  return [channel(1), channel(3), channel(5), 255];
}
