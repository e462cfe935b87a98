import { windowLeft } from '../core/codex-usage';
import type { CodexWindowState } from '../core/codex-state';
import type { Meter } from '../core/meter';
import { newMeter } from './new-meter';

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
  const { name, resetsAt } = window;
  return newMeter(
    {
      id: name,
      group: 'codex',
      label: { kind: 'codexWindow', name, windowSeconds: window.windowSeconds ?? null, model: window.model ?? null },
      unit: 'percent',
      left: windowLeft({ usedPercent: window.usedPercent, reached: window.reached === true }),
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
