import type { Meter } from '../core/meter';
import { featureMeters, type FeatureAccount } from './feature-meters';
import { windowMeters, type WindowAccount } from './window-meters';
import { resetCreditMeters, type ResetCreditAccount } from './reset-credit-meters';
import { memoryMeters, type MemoryAccount } from './memory-meters';
import { countedMeters, type CountedAccount, type CountedSettings } from './counted-meters';

/**
 * Every meter of an account, from every adapter: the one list the badge, the chip, the popup, the
 * notifications and the forecast read. A new kind of limit adds its adapter here, once.
 */

/** What the adapters read of an account (an AccountState is one; the counted turns are joined from their store). */
export type MeterAccount = FeatureAccount & WindowAccount & ResetCreditAccount & MemoryAccount & CountedAccount;

/** The user's low thresholds (settings), by meter id, and the caps the user set per model. */
export type MeterSettings = CountedSettings;

export function accountMeters(account: MeterAccount | undefined, settings: MeterSettings, now: number): Meter[] {
  if (account === undefined) return [];
  return [
    ...featureMeters(account, settings, now),
    ...windowMeters(account, settings, now),
    ...resetCreditMeters(account, settings, now),
    ...memoryMeters(account, settings, now),
    ...countedMeters(account, settings, now),
  ];
}

/** The account's meter of this id, or undefined when nothing read it. */
export function meterOf(account: MeterAccount | undefined, id: string, settings: MeterSettings, now: number): Meter | undefined {
  return accountMeters(account, settings, now).find((meter) => meter.id === id);
}
