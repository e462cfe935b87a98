import { percentLeft } from '../core/codex-usage';
import type { AccountState } from '../core/quota-state';
import { badgeView, type BadgeView } from './badge-view';

/**
 * The badge for a Codex window: the percent left ("63%", at most four characters with "100%"),
 * amber at or below the threshold (percent left), red when used up, grey once its reset has passed.
 */
export function windowBadgeFor(account: AccountState | undefined, now: number, name: string, lowThreshold: number): BadgeView {
  const window = account?.codex?.windows.find((entry) => entry.name === name);
  if (!window) return badgeView('none', name, '', null, null, now);
  const left = percentLeft(window.usedPercent);
  const text = `${left}%`;
  if (window.resetsAt !== null && window.resetsAt <= now) return badgeView('stale', name, text, left, window.resetsAt, now);
  const status = left === 0 ? 'empty' : left <= lowThreshold ? 'low' : 'normal';
  return badgeView(status, name, text, left, window.resetsAt, now);
}
