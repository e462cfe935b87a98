import { percentLeft } from '../core/codex-usage';
import type { AccountState } from '../core/quota-state';
import { badgeView, type BadgeView } from './badge-view';
import { windowStatus } from './window-status';

/**
 * The badge for a Codex window: the percent left ("63%", at most four characters with "100%"),
 * coloured by the window's status (lib/alerts/window-status.ts).
 */
export function windowBadgeFor(account: AccountState | undefined, now: number, name: string, lowThreshold: number): BadgeView {
  const window = account?.codex?.windows.find((entry) => entry.name === name);
  if (!window) return badgeView('none', name, '', null, null, now);
  const left = percentLeft(window.usedPercent);
  return badgeView(windowStatus(window, now, lowThreshold), name, `${left}%`, left, window.resetsAt, now);
}
