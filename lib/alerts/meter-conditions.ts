import { isCodexWindowName } from '../core/codex-usage';
import { isKnownFeature } from '../core/feature-names';
import type { AccountState } from '../core/quota-state';
import type { Meter } from '../core/meter';
import { meterRunOut, type RunOutForecast } from '../core/run-out-forecast';
import { accountMeters } from './account-meters';
import { MEMORY_METER } from './defaults';
import { RESET_CREDITS_METER } from './reset-credit-meters';
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
/**
 * A name a notice may carry: a feature we know, a Codex window or memory, all titled from our
 * catalogue (a page can forge readings: a notification's title must never be a name from the page),
 * or a model the user capped (its meter exists only then; its slug was sanitised in the page and
 * checked by the background, and the title says it is counted here).
 */
export function isNotifiable(name: string): boolean {
  return isKnownFeature(name) || isCodexWindowName(name) || name === MEMORY_METER || isCountedMeterId(name);
}

/** The run-out time a low notice may give: only one before the reset. */
function runsOutBefore(forecast: RunOutForecast | null): number | null {
  return forecast?.beforeReset === true ? forecast.runsOutAt : null;
}

/**
 * The conditions of the meters a notice may name, in the adapters' order; a stale one says nothing
 * about now. Memory's low notice ("memory 90% full") only when the user turned it on (`memoryNotice`,
 * off by default); Codex's reset credits are no window: their notice is the expiry one
 * (notification-policy.ts).
 */
export function meterConditions(
  account: AccountState & CountedAccount,
  settings: Pick<Settings, 'lowThresholds'> & Partial<Pick<Settings, 'memoryNotice' | 'modelCaps'>>,
  now: number,
  meters: Meter[] = accountMeters(account, settings, now),
): MeterCondition[] {
  return meters
    .filter((meter) => isNotifiable(meter.id) && meter.status !== 'stale' && meter.id !== RESET_CREDITS_METER)
    .filter((meter) => meter.id !== MEMORY_METER || settings.memoryNotice === true)
    .map((meter) => ({
      feature: meter.id,
      remaining: meter.left,
      resetsAt: meter.resetsAt,
      // Full memory is not "used up" (nothing is refused): its one notice is the low one.
      exhausted: meter.id !== MEMORY_METER && (meter.status === 'blocked' || meter.status === 'empty'),
      low: meter.status !== 'normal',
      runsOutBeforeReset: runsOutBefore(meterRunOut(meter, now)),
    }));
}
