import { isCodexWindowName } from '../core/codex-usage';
import { isKnownFeature } from '../core/feature-names';
import type { AccountState } from '../core/quota-state';
import { meterRunOut, type RunOutForecast } from '../core/run-out-forecast';
import { accountMeters } from './account-meters';
import type { Settings } from './settings';
import { isCountedMeterId } from '../core/rolling-window';
import type { CountedAccount } from './counted-meters';

/**
 * What each meter of an account looks like to the notification policy (notification-policy.ts):
 * used up, low, and when it runs out at the present pace. From meters (lib/core/meter.ts), so the
 * notifications cannot disagree with the badge or the popup.
 */

interface MeterCondition {
  feature: string;
  remaining: number;
  resetsAt: number | null;
  exhausted: boolean;
  low: boolean;
  /** When it runs out at the pace of the last hours, if that is before the reset (lib/core/run-out-forecast.ts). */
  runsOutBeforeReset: number | null;
}

/**
 * A name a notice may carry: a feature we know or a Codex window, both titled from our catalogue
 * (a page can forge readings: a notification's title must never be a name from the page), or a
 * model the user capped (its meter exists only then; its slug was sanitised in the page and checked
 * by the background, and the title says it is counted here).
 */
export function isNotifiable(name: string): boolean {
  return isKnownFeature(name) || isCodexWindowName(name) || isCountedMeterId(name);
}

/** The run-out time a low notice may give: only one before the reset. */
function runsOutBefore(forecast: RunOutForecast | null): number | null {
  return forecast?.beforeReset === true ? forecast.runsOutAt : null;
}

/** The conditions of the meters a notice may name, in the adapters' order; a stale one says nothing about now. */
export function meterConditions(
  account: AccountState & CountedAccount,
  settings: Pick<Settings, 'lowThresholds'> & Partial<Pick<Settings, 'modelCaps'>>,
  now: number,
): MeterCondition[] {
  return accountMeters(account, settings, now)
    .filter((meter) => isNotifiable(meter.id) && meter.status !== 'stale')
    .map((meter) => ({
      feature: meter.id,
      remaining: meter.left,
      resetsAt: meter.resetsAt,
      exhausted: meter.status === 'blocked' || meter.status === 'empty',
      low: meter.status !== 'normal',
      runsOutBeforeReset: runsOutBefore(meterRunOut(meter, now)),
    }));
}
