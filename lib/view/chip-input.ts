import { meterOf, type MeterAccount } from '../alerts/account-meters';
import type { Meter } from '../core/meter';
import { isRecord } from '../page/json-record';

/**
 * What the page chip needs from storage, read straight from the raw values: whether it is on, the
 * badge's meter and the user's low thresholds, and that one feature (or Codex window) of the active
 * account, made into its meter by the adapters every view uses (lib/alerts/account-meters.ts). The
 * chip runs in every chatgpt.com page, so it carries no zod: it checks only the fields it uses, and
 * anything it cannot read counts as no reading (the background and the popup validate the whole state).
 */

export interface ChipInput {
  /** The badge's meter id (settings.badgeFeature). */
  feature: string;
  /** Its meter now; undefined when no reading of the active account lists it. */
  meter: Meter | undefined;
}

type Raw = Record<string, unknown>;

const ownOf = (record: Raw, key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const timeOrNull = (value: unknown): number | null | undefined => (value === null ? null : isCount(value) ? value : undefined);

/** The chip's on/off switch. */
function chipIsOn(settings: unknown): boolean {
  return isRecord(settings) && settings.pageChip === true;
}

function lowThresholds(settings: Raw): Record<string, number> {
  const chosen = ownOf(settings, 'lowThresholds');
  if (!isRecord(chosen)) return {};
  return Object.fromEntries(Object.entries(chosen).filter(([, value]) => isCount(value) && value <= 1_000_000)) as Record<string, number>;
}

function featureOf(
  account: Raw,
  feature: string,
): { remaining: number; resetsAt: number | null; maxSeen: number; windowNotStarted: boolean } | undefined {
  const features = ownOf(account, 'features');
  const state = isRecord(features) ? ownOf(features, feature) : undefined;
  if (!isRecord(state)) return undefined;
  const resetsAt = timeOrNull(state.resetsAt);
  if (!isCount(state.remaining) || resetsAt === undefined) return undefined;
  return {
    remaining: state.remaining,
    resetsAt,
    maxSeen: isCount(state.maxSeen) ? state.maxSeen : 0,
    windowNotStarted: state.windowNotStarted === true,
  };
}

/** The first record named `name` in a stored list, or undefined. */
function entryNamed(list: unknown, name: string): Raw | undefined {
  return Array.isArray(list) ? (list.find((item: unknown) => isRecord(item) && item.name === name) as Raw | undefined) : undefined;
}

function blockedOf(account: Raw, feature: string): MeterAccount['blocked'] {
  const entry = entryNamed(ownOf(account, 'blocked'), feature);
  const resetsAt = entry && timeOrNull(entry.resetsAt);
  return resetsAt === undefined ? [] : [{ name: feature, resetsAt }];
}

type ChipWindow = { name: string; usedPercent: number; resetsAt: number | null; reached: boolean };

function codexWindowOf(account: Raw, name: string): ChipWindow | undefined {
  const codex = ownOf(account, 'codex');
  const entry = entryNamed(isRecord(codex) ? ownOf(codex, 'windows') : undefined, name);
  if (entry === undefined) return undefined;
  const { usedPercent } = entry;
  const resetsAt = timeOrNull(entry.resetsAt);
  if (typeof usedPercent !== 'number' || !(usedPercent >= 0 && usedPercent <= 100) || resetsAt === undefined) return undefined;
  // The server's "limit reached" makes the window used up whatever its share (lib/core/codex-usage.ts windowLeft).
  return { name, usedPercent, resetsAt, reached: entry.reached === true };
}

/**
 * The badge's meter, or null when the chip is off or the badge shows no meter. The one name is
 * looked for among features, blocks and Codex windows alike: their names cannot collide.
 */
export function chipInputFrom(settings: unknown, quotaState: unknown, now: number): ChipInput | null {
  if (!chipIsOn(settings) || !isRecord(settings)) return null;
  const feature = settings.badgeFeature;
  if (typeof feature !== 'string' || feature === '') return null;
  const accounts = isRecord(quotaState) ? ownOf(quotaState, 'accounts') : undefined;
  const active =
    isRecord(quotaState) && typeof quotaState.activeAccount === 'string' && isRecord(accounts)
      ? ownOf(accounts, quotaState.activeAccount)
      : undefined;
  const state = isRecord(active) ? featureOf(active, feature) : undefined;
  const window = isRecord(active) ? codexWindowOf(active, feature) : undefined;
  const account: MeterAccount | undefined = isRecord(active)
    ? { features: state ? { [feature]: state } : {}, blocked: blockedOf(active, feature), codex: { windows: window ? [window] : [] } }
    : undefined;
  return { feature, meter: meterOf(account, feature, { lowThresholds: lowThresholds(settings) }, now) };
}
