import type { Meter } from '../core/meter';
import { featureMeters, type FeatureAccount } from './feature-meters';
import { windowMeters, type WindowAccount } from './window-meters';
import { countedMeters, type CountedAccount, type CountedSettings } from './counted-meters';

/**
 * Every meter of an account, from every adapter: the one list the badge, the chip, the popup, the
 * notifications and the forecast read. A new kind of limit adds its adapter here, once.
 */

/** What the adapters read of an account (an AccountState is one). */
export type MeterAccount = FeatureAccount & WindowAccount & CountedAccount;

/** What the server's adapters read of an account: the page chip builds one from storage's raw values. */
export type ServerAccount = FeatureAccount & WindowAccount;

/** The user's low thresholds (settings), by meter id, and the caps the user set per model. */
export type MeterSettings = CountedSettings;

/**
 * The meters the server's readings make (features, Codex windows). The page chip reads only these:
 * it reads no counts (storage's quota state and settings only), and so it does not carry the
 * counted adapter (the page budget, test/meta/built-content-scripts.test.ts).
 */
function serverMeters(account: ServerAccount | undefined, settings: MeterSettings, now: number): Meter[] {
  if (account === undefined) return [];
  return [...featureMeters(account, settings, now), ...windowMeters(account, settings, now)];
}

export function accountMeters(account: MeterAccount | undefined, settings: MeterSettings, now: number): Meter[] {
  if (account === undefined) return [];
  return [...serverMeters(account, settings, now), ...countedMeters(account, settings, now)];
}

/** The account's server meter of this id (the page chip's), or undefined when no reading lists it. */
export function serverMeterOf(account: ServerAccount | undefined, id: string, settings: MeterSettings, now: number): Meter | undefined {
  return serverMeters(account, settings, now).find((meter) => meter.id === id);
}

/** The account's meter of this id, or undefined when nothing read it. */
export function meterOf(account: MeterAccount | undefined, id: string, settings: MeterSettings, now: number): Meter | undefined {
  return accountMeters(account, settings, now).find((meter) => meter.id === id);
}
