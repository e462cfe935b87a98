import { meterOf, type MeterAccount } from '../alerts/account-meters';
import { serverLeads } from '../alerts/counted-meters';
import type { ModelCap } from '../alerts/settings';
import type { Meter } from '../core/meter';
import { COUNTED_PREFIX, MAX_TIMES_PER_MODEL, isCountedMeterId } from '../core/rolling-window';
import { isRecord } from '../page/json-record';

/**
 * What the page chip needs from storage, read straight from the raw values: whether it is on, the
 * badge's meter and the user's low thresholds, and that one feature (or Codex window, or model
 * counted in this browser with the cap the user set: the model counts' key) of the active account,
 * made into its meter by the adapters every view uses (lib/alerts/account-meters.ts). The
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

/** The cap the user set for a model (settings.modelCaps), within the settings schema's bounds, or undefined. */
function capOf(settings: Raw, slug: string): ModelCap | undefined {
  const caps = ownOf(settings, 'modelCaps');
  const cap = isRecord(caps) ? ownOf(caps, slug) : undefined;
  if (!isRecord(cap)) return undefined;
  const { limit, windowHours } = cap;
  return isCount(limit) && limit >= 1 && isCount(windowHours) && windowHours >= 1 && windowHours <= 168
    ? { limit, windowHours }
    : undefined;
}

/** The times this browser counted a model for an account (the model counts' value), bounded as the store bounds them. */
function countedTimesOf(counts: unknown, accountId: string, slug: string): number[] {
  const accounts = isRecord(counts) ? ownOf(counts, 'accounts') : undefined;
  const account = isRecord(accounts) ? ownOf(accounts, accountId) : undefined;
  const models = isRecord(account) ? ownOf(account, 'models') : undefined;
  const times = isRecord(models) ? ownOf(models, slug) : undefined;
  return Array.isArray(times) ? times.filter(isCount).slice(-MAX_TIMES_PER_MODEL) : [];
}

/**
 * The badge's meter, or null when the chip is off or the badge shows no meter. The one name is
 * looked for among features, blocks and Codex windows alike (their names cannot collide), or, for a
 * counted model (`counted:` and its slug), among the counts of the active account.
 */
export function chipInputFrom(settings: unknown, quotaState: unknown, now: number, counts?: unknown): ChipInput | null {
  if (!chipIsOn(settings) || !isRecord(settings)) return null;
  const feature = settings.badgeFeature;
  if (typeof feature !== 'string' || feature === '') return null;
  const accounts = isRecord(quotaState) ? ownOf(quotaState, 'accounts') : undefined;
  const active =
    isRecord(quotaState) && typeof quotaState.activeAccount === 'string' && isRecord(accounts)
      ? ownOf(accounts, quotaState.activeAccount)
      : undefined;
  const lows = { lowThresholds: lowThresholds(settings) };
  if (isCountedMeterId(feature)) {
    // A model counted in this browser: its meter only while the user has a cap for it.
    const slug = feature.slice(COUNTED_PREFIX.length);
    const cap = capOf(settings, slug);
    // As on the badge: an account the state holds (the counts are joined to it, lib/alerts/counted-meters.ts withCounted).
    const features = isRecord(active) ? ownOf(active, 'features') : undefined;
    // Where the server counts the model itself, its meter leads (lib/alerts/counted-meters.ts serverLeads): no counted one.
    const leads = isRecord(features) && serverLeads({ features }, slug);
    if (cap === undefined || !isRecord(active) || !isRecord(quotaState) || leads) return { feature, meter: undefined };
    const times = countedTimesOf(counts, String(quotaState.activeAccount), slug);
    const account: MeterAccount = { features: {}, blocked: [], counted: { models: { [slug]: times } } };
    return { feature, meter: meterOf(account, feature, { ...lows, modelCaps: { [slug]: cap } }, now) };
  }
  const state = isRecord(active) ? featureOf(active, feature) : undefined;
  const window = isRecord(active) ? codexWindowOf(active, feature) : undefined;
  const account: MeterAccount | undefined = isRecord(active)
    ? { features: state ? { [feature]: state } : {}, blocked: blockedOf(active, feature), codex: { windows: window ? [window] : [] } }
    : undefined;
  return { feature, meter: meterOf(account, feature, lows, now) };
}
