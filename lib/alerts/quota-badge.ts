import { isCodexWindowName } from '../core/codex-usage';
import { badgeView, type BadgeView } from './badge-view';
import { windowBadgeFor, type WindowAccount } from './window-badge';
import { featureStatus, type StatusAccount } from './feature-status';

export { BADGE_COLORS, type BadgeStatus, type BadgeView } from './badge-view';

/**
 * What the toolbar badge shows for one feature (image_gen by default) or one Codex window. Pure;
 * the background paints it and arms an alarm at `staleAt`, when the shown number stops being current.
 */

export const DEFAULT_BADGE_FEATURE = 'image_gen';
export const DEFAULT_LOW_THRESHOLD = 10;
const MAX_BADGE_NUMBER = 999;

function badgeNumber(remaining: number): string {
  return remaining > MAX_BADGE_NUMBER ? `${MAX_BADGE_NUMBER}+` : String(remaining);
}

export function badgeFor(
  account: (StatusAccount & WindowAccount) | undefined,
  now: number,
  feature: string | null = DEFAULT_BADGE_FEATURE,
  lowThreshold: number = DEFAULT_LOW_THRESHOLD,
): BadgeView {
  if (feature === null) return badgeView('off', '', '', null, null, now);
  if (isCodexWindowName(feature)) return windowBadgeFor(account, now, feature, lowThreshold);
  const status = featureStatus(account, feature, now, lowThreshold);
  const blocked = account?.blocked.find((entry) => entry.name === feature);
  // A blocked feature shows 0 and the block's own reset, whatever limits_progress still says.
  if (blocked) return badgeView(status ?? 'blocked', feature, '0', 0, blocked.resetsAt, now);
  const state = account?.features[feature];
  if (!state || status === null) return badgeView('none', feature, '', null, null, now);
  return badgeView(status, feature, badgeNumber(state.remaining), state.remaining, state.resetsAt, now);
}
