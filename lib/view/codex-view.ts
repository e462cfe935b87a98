import type { Meter, MeterStatus } from '../core/meter';
import { meterRunOut, type RunOutForecast } from '../core/run-out-forecast';
import type { AccountState } from '../core/quota-state';
import { accountMeters } from '../alerts/account-meters';
import type { Settings } from '../alerts/settings';
import { resetView, type ResetView } from './popup-view';

/**
 * What the popup's Codex group shows for one account. Pure. Nothing asks chatgpt.com for these
 * numbers: they are as old as the last Codex page the user opened, and the group says how old.
 * Every window of every limit (the main one, code review's, each model's) is a meter; reset
 * credits too; the credits' balance is a line.
 */

export interface WindowView {
  name: string;
  windowSeconds: number | null;
  /** A per-model limit's name as the server gives it (cleaned); null for the main and code review limits. */
  model: string | null;
  /** Whole percent left (lib/core/codex-usage.ts windowLeft: 0 once the server says the limit is reached). */
  left: number;
  /** The share used the server sent, when it says the limit is reached though the share is under 100; else null. */
  reachedAt: number | null;
  /** stale once the reset has passed: the share shown is the one before it. */
  status: MeterStatus;
  reset: ResetView;
  /** At the pace of the recent drops, whether and when the window runs out (an estimate). */
  forecast: RunOutForecast | null;
}

export type CreditsView = {
  balance: { kind: 'unlimited' } | { kind: 'balance'; balance: number } | { kind: 'none' } | null;
  /** Roughly how many messages the balance buys: [fewest, most], locally and in the cloud. */
  localMessages: readonly number[] | null;
  cloudMessages: readonly number[] | null;
  spendReached: boolean;
};

export interface ResetCreditsView {
  available: number;
  /** When the soonest unused one expires; null when not said or all past. */
  expiresAt: number | null;
}

export interface CodexView {
  windows: WindowView[];
  credits: CreditsView | null;
  resetCredits: ResetCreditsView | null;
  seenAt: number;
}

type StoredWindow = NonNullable<AccountState['codex']>['windows'][number];

function windowView(meter: Meter, stored: StoredWindow | undefined, now: number): WindowView {
  const reset = resetView(meter.resetsAt, now);
  const windowSeconds = meter.label.kind === 'codexWindow' ? meter.label.windowSeconds : null;
  const forecast = reset.kind === 'passed' || stored?.reached === true ? null : meterRunOut(meter, now);
  const reachedAt = stored?.reached === true && stored.usedPercent < 100 ? Math.floor(stored.usedPercent) : null;
  return {
    name: meter.id,
    windowSeconds,
    model: stored?.model ?? null,
    left: meter.left,
    reachedAt,
    status: meter.status,
    reset,
    forecast,
  };
}

/** The main limit first, then code review's, then each model's by name; within each, shorter windows first. */
function windowOrder(a: WindowView, b: WindowView): number {
  const rank = (window: WindowView) => (window.model !== null ? 2 : window.name.includes('code_review') ? 1 : 0);
  return (
    rank(a) - rank(b) ||
    (a.model ?? '').localeCompare(b.model ?? '') ||
    (a.windowSeconds ?? Infinity) - (b.windowSeconds ?? Infinity) ||
    a.name.localeCompare(b.name)
  );
}

function creditsView(credits: NonNullable<AccountState['codex']>['credits']): CreditsView | null {
  if (credits === null) return null;
  const balance =
    credits.unlimited === true
      ? { kind: 'unlimited' as const }
      : credits.balance !== null
        ? { kind: 'balance' as const, balance: credits.balance }
        : credits.hasCredits === false
          ? { kind: 'none' as const }
          : null;
  const view = {
    balance,
    localMessages: credits.approxLocalMessages,
    cloudMessages: credits.approxCloudMessages,
    spendReached: credits.spendReached === true,
  };
  return balance === null && view.localMessages === null && view.cloudMessages === null && !view.spendReached ? null : view;
}

export function codexView(account: AccountState | undefined, now: number, lowThresholds: Settings['lowThresholds'] = {}): CodexView | null {
  const codex = account?.codex;
  if (!codex) return null;
  const meters = accountMeters(account, { lowThresholds }, now).filter((meter) => meter.group === 'codex');
  const credits = meters.find((meter) => meter.label.kind === 'resetCredits');
  return {
    windows: meters
      .filter((meter) => meter.label.kind === 'codexWindow')
      .map((meter) =>
        windowView(
          meter,
          codex.windows.find((window) => window.name === meter.id),
          now,
        ),
      )
      .sort(windowOrder),
    credits: creditsView(codex.credits),
    resetCredits: credits === undefined ? null : { available: credits.left, expiresAt: credits.expiresAt ?? null },
    seenAt: codex.seenAt,
  };
}
