import type { AccountState } from '../core/quota-state';
import { featureStatus } from './feature-status';
import { LOW_AMBER } from './low-amber';

/**
 * What the toolbar badge shows for one feature (image_gen by default). Pure; the background
 * paints it and arms an alarm at `staleAt`, when the shown number stops being current.
 */

export const DEFAULT_BADGE_FEATURE = 'image_gen';
export const DEFAULT_LOW_THRESHOLD = 10;
const MAX_BADGE_NUMBER = 999;

/** off: the user chose no badge number; none: no reading ever listed the feature; stale: its reset time has passed. */
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
  remaining: number | null;
  resetsAt: number | null;
  /** When this view stops being current (a reset time still ahead), or null. */
  staleAt: number | null;
}

function badgeNumber(remaining: number): string {
  return remaining > MAX_BADGE_NUMBER ? `${MAX_BADGE_NUMBER}+` : String(remaining);
}

function view(status: BadgeStatus, feature: string, text: string, remaining: number | null, resetsAt: number | null, now: number): BadgeView {
  const staleAt = status !== 'stale' && resetsAt !== null && resetsAt > now ? resetsAt : null;
  return { text, color: BADGE_COLORS[status], status, feature, remaining, resetsAt, staleAt };
}

export function badgeFor(
  account: AccountState | undefined,
  now: number,
  feature: string | null = DEFAULT_BADGE_FEATURE,
  lowThreshold: number = DEFAULT_LOW_THRESHOLD,
): BadgeView {
  if (feature === null) return view('off', '', '', null, null, now);
  const status = featureStatus(account, feature, now, lowThreshold);
  const blocked = account?.blocked.find((entry) => entry.name === feature);
  // A blocked feature shows 0 and the block's own reset, whatever limits_progress still says.
  if (blocked) return view(status ?? 'blocked', feature, '0', 0, blocked.resetsAt, now);
  const state = account?.features[feature];
  if (!state || status === null) return view('none', feature, '', null, null, now);
  return view(status, feature, badgeNumber(state.remaining), state.remaining, state.resetsAt, now);
}
