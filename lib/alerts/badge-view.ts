import { LOW_AMBER } from './low-amber';

/**
 * What the toolbar badge shows, whatever it shows (a feature's count or a Codex window's percent):
 * its text, colour and status, and when it stops being current. Pure.
 */

/** off: the user chose no badge number; none: no reading ever listed it; stale: its reset time has passed. */
export type BadgeStatus = 'off' | 'none' | 'normal' | 'low' | 'empty' | 'blocked' | 'stale';

export const BADGE_COLORS: Record<BadgeStatus, string> = {
  off: '#5F6368',
  none: '#5F6368',
  normal: '#3A5A8C',
  low: LOW_AMBER.light,
  empty: '#C5221F',
  blocked: '#C5221F',
  stale: '#80868B',
};

export interface BadgeView {
  text: string;
  color: string;
  status: BadgeStatus;
  feature: string;
  /** A feature's count, or a window's whole percent left. */
  remaining: number | null;
  resetsAt: number | null;
  /** When this view stops being current (a reset time still ahead), or null. */
  staleAt: number | null;
}

export function badgeView(
  status: BadgeStatus,
  feature: string,
  text: string,
  remaining: number | null,
  resetsAt: number | null,
  now: number,
): BadgeView {
  const staleAt = status !== 'stale' && resetsAt !== null && resetsAt > now ? resetsAt : null;
  return { text, color: BADGE_COLORS[status], status, feature, remaining, resetsAt, staleAt };
}
