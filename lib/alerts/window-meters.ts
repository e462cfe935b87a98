import { percentLeft } from '../core/codex-usage';
import type { CodexWindowState } from '../core/codex-state';
import { meterStatus, type Meter } from '../core/meter';
import { lowThreshold } from './low-threshold';

/**
 * Codex's windows as meters (lib/core/meter.ts): the whole percent left of each rolling window
 * (lib/core/codex-usage.ts percentLeft), against a scale of 100. Pure.
 */

/**
 * What this adapter reads of an account (an AccountState is one). The page chip builds no more
 * than name, share used and reset: what it leaves out reads as "not known".
 */
export interface WindowAccount {
  codex?: {
    windows: readonly (Pick<CodexWindowState, 'name' | 'usedPercent' | 'resetsAt'> &
      Partial<Pick<CodexWindowState, 'windowSeconds' | 'seenAt' | 'samples'>>)[];
  } | null;
}

type Thresholds = { lowThresholds: Readonly<Record<string, number>> };
type WindowReading = NonNullable<WindowAccount['codex']>['windows'][number];

function windowMeter(window: WindowReading, settings: Thresholds, now: number): Meter {
  const left = percentLeft(window.usedPercent);
  const threshold = lowThreshold(settings, { id: window.name, unit: 'percent', mostSeen: null });
  return {
    id: window.name,
    group: 'codex',
    label: { kind: 'codexWindow', name: window.name, windowSeconds: window.windowSeconds ?? null },
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
