import { percentLeft } from '../core/codex-usage';
import type { RunOutForecast } from '../core/run-out-forecast';
import { windowRunOut } from '../core/window-forecast';
import type { CodexWindowState } from '../core/codex-state';
import type { AccountState } from '../core/quota-state';
import { lowThresholdFor } from '../alerts/low-threshold';
import type { Settings } from '../alerts/settings';
import { windowStatus, type WindowStatus } from '../alerts/window-status';
import { resetView, type ResetView } from './popup-view';

/**
 * What the popup's Codex group shows for one account. Pure. Nothing asks chatgpt.com for these
 * numbers: they are as old as the last Codex page the user opened, and the group says how old.
 */

export interface WindowView {
  name: string;
  windowSeconds: number | null;
  /** Whole percent left (lib/core/codex-usage.ts percentLeft). */
  left: number;
  /** stale once the reset has passed: the share shown is the one before it. */
  status: WindowStatus;
  reset: ResetView;
  /** At the pace of the recent drops, whether and when the window runs out (an estimate). */
  forecast: RunOutForecast | null;
}

export type CreditsView = { kind: 'unlimited' } | { kind: 'balance'; balance: number } | { kind: 'none' };

export interface CodexView {
  windows: WindowView[];
  credits: CreditsView | null;
  seenAt: number;
}

/** The main limits first, then code review's; within each, shorter windows first. */
function windowOrder(a: CodexWindowState, b: CodexWindowState): number {
  const review = (window: CodexWindowState) => Number(window.name.includes('code_review'));
  return review(a) - review(b) || (a.windowSeconds ?? Infinity) - (b.windowSeconds ?? Infinity) || a.name.localeCompare(b.name);
}

function windowView(window: CodexWindowState, now: number, lowThresholds: Settings['lowThresholds']): WindowView {
  const left = percentLeft(window.usedPercent);
  const reset = resetView(window.resetsAt, now);
  const status = windowStatus(window, now, lowThresholdFor({ lowThresholds }, window.name, 100));
  const forecast = reset.kind === 'passed' ? null : windowRunOut(window, now);
  return { name: window.name, windowSeconds: window.windowSeconds, left, status, reset, forecast };
}

function creditsView(credits: NonNullable<AccountState['codex']>['credits']): CreditsView | null {
  if (credits === null) return null;
  if (credits.unlimited === true) return { kind: 'unlimited' };
  if (credits.balance !== null) return { kind: 'balance', balance: credits.balance };
  return credits.hasCredits === false ? { kind: 'none' } : null;
}

export function codexView(account: AccountState | undefined, now: number, lowThresholds: Settings['lowThresholds'] = {}): CodexView | null {
  const codex = account?.codex;
  if (!codex) return null;
  return {
    windows: [...codex.windows].sort(windowOrder).map((window) => windowView(window, now, lowThresholds)),
    credits: creditsView(codex.credits),
    seenAt: codex.seenAt,
  };
}
