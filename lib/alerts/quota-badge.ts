import type { AccountState, BlockedState, FeatureState } from '../core/quota-state';

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
  low: '#B06000',
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

/** What the badge reads of an account (the page chip reads no more than this). */
export interface BadgeAccount {
  features: Readonly<Record<string, Pick<FeatureState, 'remaining' | 'resetsAt'> | undefined>>;
  blocked: readonly Pick<BlockedState, 'name' | 'resetsAt'>[];
}

export function badgeFor(
  account: BadgeAccount | Pick<AccountState, 'features' | 'blocked'> | undefined,
  now: number,
  feature: string | null = DEFAULT_BADGE_FEATURE,
  lowThreshold: number = DEFAULT_LOW_THRESHOLD,
): BadgeView {
  if (feature === null) return view('off', '', '', null, null, now);
  const blocked = account?.blocked.find((entry) => entry.name === feature);
  if (blocked) {
    // A blocked feature is exhausted whatever limits_progress still says: the block is the truth.
    const expired = blocked.resetsAt !== null && blocked.resetsAt <= now;
    return view(expired ? 'stale' : 'blocked', feature, '0', 0, blocked.resetsAt, now);
  }
  const state = account?.features[feature];
  if (!state) return view('none', feature, '', null, null, now);
  const text = badgeNumber(state.remaining);
  if (state.resetsAt !== null && state.resetsAt <= now) return view('stale', feature, text, state.remaining, state.resetsAt, now);
  const status = state.remaining === 0 ? 'empty' : state.remaining <= lowThreshold ? 'low' : 'normal';
  return view(status, feature, text, state.remaining, state.resetsAt, now);
}
