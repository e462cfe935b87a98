import { percentLeft } from '../core/codex-usage';
import type { CodexWindowState } from '../core/codex-state';
import { badgeView, type BadgeView } from './badge-view';
import { windowStatus } from './window-status';

/** What the window badge reads of an account (an AccountState is one; the page chip builds no more). */
export interface WindowAccount {
  codex?: { windows: readonly Pick<CodexWindowState, 'name' | 'usedPercent' | 'resetsAt'>[] } | null;
}

/**
 * The badge for a Codex window: the percent left ("63%", at most four characters with "100%"),
 * coloured by the window's status (lib/alerts/window-status.ts).
 */
export function windowBadgeFor(account: WindowAccount | undefined, now: number, name: string, lowThreshold: number): BadgeView {
  const window = account?.codex?.windows.find((entry) => entry.name === name);
  if (!window) return badgeView('none', name, '', null, null, now);
  const left = percentLeft(window.usedPercent);
  return badgeView(windowStatus(window, now, lowThreshold), name, `${left}%`, left, window.resetsAt, now);
}
