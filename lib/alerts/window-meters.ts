import { windowLeft } from '../core/codex-usage';
import type { CodexWindowState } from '../core/codex-state';
import { meterStatus, type Meter } from '../core/meter';
import { lowThreshold } from './low-threshold';

/**
 * Codex's windows as meters (lib/core/meter.ts): the whole percent left of each rolling window
 * (lib/core/codex-usage.ts windowLeft: 0 once the server says its limit is reached), against a
 * scale of 100; the main limit's, code review's and each model's alike. Pure.
 */

/**
 * What this adapter reads of an account (an AccountState is one). The page chip builds no more
 * than name, share used and reset: what it leaves out reads as "not known".
 */
export interface WindowAccount {
  codex?: {
    windows: readonly (Pick<CodexWindowState, 'name' | 'usedPercent' | 'resetsAt'> &
      Partial<Pick<CodexWindowState, 'windowSeconds' | 'seenAt' | 'samples' | 'reached' | 'model'>>)[];
  } | null;
}

type Thresholds = { lowThresholds: Readonly<Record<string, number>> };
type WindowReading = NonNullable<WindowAccount['codex']>['windows'][number];

function windowMeter(window: WindowReading, settings: Thresholds, now: number): Meter {
  const left = windowLeft({ usedPercent: window.usedPercent, reached: window.reached === true });
  const threshold = lowThreshold(settings, { id: window.name, unit: 'percent', mostSeen: null });
  return {
    id: window.name,
    group: 'codex',
    label: { kind: 'codexWindow', name: window.name, windowSeconds: window.windowSeconds ?? null, model: window.model ?? null },
    unit: 'percent',
    left,
    cap: { value: 100, source: 'scale' },
    mostSeen: null,
    lowThreshold: threshold,
    status: meterStatus({ left, resetsAt: window.resetsAt, blocked: false, lowThreshold: threshold }, now),
    blocked: false,
    resetsAt: window.resetsAt,
    resetEstimated: false,
    windowNotStarted: false,
    source: 'server',
    since: window.seenAt ?? null,
    // The forecast counts down the exact share left, not the rounded one shown.
    points: (window.samples ?? []).map((sample) => ({ at: sample.at, remaining: 100 - sample.usedPercent })),
  };
}

/** One meter per Codex window stored, in the order the body gave them; none before a Codex reading. */
export function windowMeters(account: WindowAccount, settings: Thresholds, now: number): Meter[] {
  return (account.codex?.windows ?? []).map((window) => windowMeter(window, settings, now));
}
