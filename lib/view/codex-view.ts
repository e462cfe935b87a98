import type { Meter, MeterStatus } from '../core/meter';
import { meterRunOut, type RunOutForecast } from '../core/run-out-forecast';
import type { AccountState } from '../core/quota-state';
import { accountMeters } from '../alerts/account-meters';
import type { Settings } from '../alerts/settings';
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
  status: MeterStatus;
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

function windowView(meter: Meter, now: number): WindowView {
  const reset = resetView(meter.resetsAt, now);
  const windowSeconds = meter.label.kind === 'codexWindow' ? meter.label.windowSeconds : null;
  const forecast = reset.kind === 'passed' ? null : meterRunOut(meter, now);
  return { name: meter.id, windowSeconds, left: meter.left, status: meter.status, reset, forecast };
}

/** The main limits first, then code review's; within each, shorter windows first. */
function windowOrder(a: WindowView, b: WindowView): number {
  const review = (window: WindowView) => Number(window.name.includes('code_review'));
  return review(a) - review(b) || (a.windowSeconds ?? Infinity) - (b.windowSeconds ?? Infinity) || a.name.localeCompare(b.name);
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
    windows: accountMeters(account, { lowThresholds }, now)
      .filter((meter) => meter.group === 'codex')
      .map((meter) => windowView(meter, now))
      .sort(windowOrder),
    credits: creditsView(codex.credits),
    seenAt: codex.seenAt,
  };
}
