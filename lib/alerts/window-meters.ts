import { percentLeft } from '../core/codex-usage';
import type { CodexWindowState } from '../core/codex-state';
import type { Meter } from '../core/meter';
import { newMeter } from './new-meter';

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
  const { name, resetsAt } = window;
  return newMeter(
    {
      id: name,
      group: 'codex',
      label: { kind: 'codexWindow', name, windowSeconds: window.windowSeconds ?? null },
      unit: 'percent',
      left: percentLeft(window.usedPercent),
      resetsAt,
      cap: { value: 100, source: 'scale' },
      since: window.seenAt ?? null,
      // The forecast counts down the exact share left, not the rounded one shown.
      points: (window.samples ?? []).map((sample) => ({ at: sample.at, remaining: 100 - sample.usedPercent })),
    },
    settings,
    now,
  );
}

/** One meter per Codex window stored, in the order the body gave them; none before a Codex reading. */
export function windowMeters(account: WindowAccount, settings: Thresholds, now: number): Meter[] {
  return (account.codex?.windows ?? []).map((window) => windowMeter(window, settings, now));
}
