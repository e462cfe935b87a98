import { keptAccounts } from './account-eviction';
import { MODEL_CAP_FEATURE, type BlockedFeature, type FeatureQuota, type Reading, type ReadingSource } from './quota-types';
import {
  type AccountState,
  type FeatureState,
  type QuotaState,
  DEFAULT_ACCOUNT,
  MAX_FEATURES_PER_ACCOUNT,
  MAX_UNKNOWN_FIELDS,
  emptyAccountState,
} from './quota-state';
import { nextPoints } from './remaining-points';
import { memoryStateOf } from './memory-state';
import type { MemoryReading } from './memory-usage';

/**
 * Folds one reading into the state. Pure: the same state and reading give the same result.
 * Which accounts are kept is account-eviction.ts's rule.
 * A reading that does not list a feature leaves that feature as it was: when a cap is hit the
 * server can shrink limits_progress to one feature, or send null (protocol.md section 2).
 */

/** A refusal's "resets in 14 hours and 2 minutes" is to the minute; a server time within this is better. */
const ESTIMATE_TOLERANCE_MS = 5 * 60_000;

/** Readings that speak of one feature only: their blocked list adds to the known one instead of replacing it. */
const PARTIAL_SOURCES: readonly ReadingSource[] = ['refusal', 'cooldown', 'http429'];

function resetOf(
  previous: FeatureState | undefined,
  feature: FeatureQuota,
  now: number,
): { resetsAt: number | null; resetEstimated: boolean } {
  const estimated = feature.resetEstimated === true;
  const exact =
    previous !== undefined && !previous.resetEstimated && previous.resetsAt !== null && previous.resetsAt > now ? previous.resetsAt : null;
  if (estimated && exact !== null && (feature.resetsAt === null || Math.abs(exact - feature.resetsAt) <= ESTIMATE_TOLERANCE_MS)) {
    return { resetsAt: exact, resetEstimated: false };
  }
  return { resetsAt: feature.resetsAt, resetEstimated: estimated && feature.resetsAt !== null };
}

function nextFeatureState(previous: FeatureState | undefined, feature: FeatureQuota, reading: Reading): FeatureState {
  const sameWindow = previous !== undefined && (previous.resetsAt === null || reading.receivedAt < previous.resetsAt);
  const reset = resetOf(previous, feature, reading.receivedAt);
  // While a feature is full the server answers reset_after = now + window on every response,
  // so a reset time that moves forward with no drop in the count means the window has not started.
  // Only within one window: after a reset the earlier count says nothing about the new one.
  const windowNotStarted =
    sameWindow &&
    !reset.resetEstimated &&
    previous.resetsAt !== null &&
    reset.resetsAt !== null &&
    reset.resetsAt > previous.resetsAt &&
    feature.remaining >= previous.remaining;
  return {
    name: feature.name,
    remaining: feature.remaining,
    ...reset,
    seenAt: reading.receivedAt,
    source: reading.source,
    maxSeen: sameWindow ? Math.max(previous.maxSeen, feature.remaining) : feature.remaining,
    windowNotStarted,
    points: nextPoints(previous?.points, { at: reading.receivedAt, remaining: feature.remaining }, sameWindow),
  };
}

/** Keeps the most recently seen features when a (forged or absurd) stream of names would grow state. */
function boundFeatures(features: Record<string, FeatureState>): Record<string, FeatureState> {
  const entries = Object.entries(features);
  if (entries.length <= MAX_FEATURES_PER_ACCOUNT) return features;
  entries.sort(([, a], [, b]) => b.seenAt - a.seenAt);
  return Object.fromEntries(entries.slice(0, MAX_FEATURES_PER_ACCOUNT));
}

export function mergeUnknownFields(known: string[], fresh: string[]): string[] {
  if (fresh.length === 0) return known;
  const merged = [...fresh, ...known.filter((name) => !fresh.includes(name))];
  return merged.slice(0, MAX_UNKNOWN_FIELDS);
}

function nextBlocked(known: BlockedFeature[], reading: Reading): BlockedFeature[] {
  if (reading.blocked === null) return known;
  if (!PARTIAL_SOURCES.includes(reading.source)) {
    // The quota object never speaks of the legacy 429 model cap: it is not the object's to lift.
    const modelCap = known.filter((entry) => entry.name === MODEL_CAP_FEATURE && (entry.resetsAt ?? Infinity) > reading.receivedAt);
    return [...reading.blocked.filter((entry) => entry.name !== MODEL_CAP_FEATURE), ...modelCap];
  }
  const fresh = new Set(reading.blocked.map((entry) => entry.name));
  return [...reading.blocked, ...known.filter((entry) => !fresh.has(entry.name))];
}

/**
 * A block that a full reading no longer lists has ended, but a reading that does not list the
 * feature says nothing of its count: the feature keeps the "0" it had while blocked, as of the
 * block's end (or now), so that it shows as probably reset rather than as an older number.
 */
function liftedBlocks(account: AccountState, reading: Reading): Array<readonly [string, FeatureState]> {
  if (reading.blocked === null || PARTIAL_SOURCES.includes(reading.source)) return [];
  const stillBlocked = new Set(reading.blocked.map((entry) => entry.name));
  const listed = new Set((reading.features ?? []).map((feature) => feature.name));
  return account.blocked
    .filter((block) => block.name !== MODEL_CAP_FEATURE && !stillBlocked.has(block.name) && !listed.has(block.name))
    .map((block) => {
      const previous = Object.hasOwn(account.features, block.name) ? account.features[block.name] : undefined;
      const ended = block.resetsAt !== null && block.resetsAt <= reading.receivedAt ? block.resetsAt : reading.receivedAt;
      return [
        block.name,
        {
          name: block.name,
          remaining: 0,
          resetsAt: ended,
          seenAt: account.lastReading?.at ?? reading.receivedAt,
          source: account.lastReading?.source ?? reading.source,
          maxSeen: previous?.maxSeen ?? Math.round(block.limit ?? 0),
          windowNotStarted: false,
          resetEstimated: false,
        },
      ] as const;
    });
}

function applyReadingToAccount(account: AccountState, reading: Reading): AccountState {
  // Names come from the page: "__proto__" or "constructor" must be plain keys, not the object's
  // prototype or an inherited member, so lookups are own-only and the record is built by fromEntries.
  const previousOf = (name: string) => (Object.hasOwn(account.features, name) ? account.features[name] : undefined);
  const fresh = (reading.features ?? []).map(
    (feature) => [feature.name, nextFeatureState(previousOf(feature.name), feature, reading)] as const,
  );
  const features: Record<string, FeatureState> = Object.fromEntries([
    ...Object.entries(account.features),
    ...liftedBlocks(account, reading),
    ...fresh,
  ]);
  return {
    ...account,
    features: boundFeatures(features),
    blocked: nextBlocked(account.blocked, reading),
    modelLimits: reading.modelLimits ?? account.modelLimits,
    defaultModel: reading.defaultModel ?? account.defaultModel,
    lastReading: { at: reading.receivedAt, source: reading.source },
    unknownFields: mergeUnknownFields(account.unknownFields, reading.unknownFields),
    // A full reading is the truth about what is exhausted now; a cooldown it does not contradict stays.
    cooldowns: account.cooldowns.filter((cooldown) => cooldown.until > reading.receivedAt),
  };
}

/** How many days of usage history an account has (lib/core/usage-history.ts historyDays): more outranks fewer. */
export type HistoryDays = (account: string) => number;
export const NO_HISTORY: HistoryDays = () => 0;

/**
 * Applies `change` to one account (made when first seen) and makes it the active one. A new
 * account stays `seenOnce` until its second reading; the state returned unchanged means a
 * newcomer found no room (lib/core/account-eviction.ts). Each kind's reducer goes through here:
 * quota readings below, Codex readings (apply-codex-usage.ts), memory readings.
 */
export function updateAccount(
  state: QuotaState,
  accountId: string,
  change: (account: AccountState) => AccountState,
  reading: boolean,
  historyDays: HistoryDays,
): QuotaState {
  const known = Object.hasOwn(state.accounts, accountId) ? state.accounts[accountId] : undefined;
  const changed = change(known ?? { ...emptyAccountState(), seenOnce: true });
  // The second reading of an account ends its quarantine; a plan or a cooldown is not a reading.
  const { seenOnce: _ended, ...established } = changed;
  const next = known?.seenOnce === true && reading ? established : changed;
  const accounts = keptAccounts({ ...state.accounts, [accountId]: next }, accountId, historyDays);
  return accounts === null ? state : { ...state, accounts, activeAccount: accountId };
}

export function applyReading(
  state: QuotaState,
  reading: Reading,
  accountId: string = DEFAULT_ACCOUNT,
  historyDays: HistoryDays = NO_HISTORY,
): QuotaState {
  return updateAccount(state, accountId, (account) => applyReadingToAccount(account, reading), true, historyDays);
}

/** How full memory is: the latest memories body replaces what was known. */
export function applyMemoryReading(
  state: QuotaState,
  reading: MemoryReading,
  accountId: string = DEFAULT_ACCOUNT,
  historyDays: HistoryDays = NO_HISTORY,
): QuotaState {
  return updateAccount(state, accountId, (account) => ({ ...account, memory: memoryStateOf(reading) }), true, historyDays);
}

export function applyCooldown(state: QuotaState, accountId: string, feature: string, until: number, now: number): QuotaState {
  return updateAccount(
    state,
    accountId,
    (account) => ({
      ...account,
      cooldowns: [
        { feature, until, seenAt: now },
        ...account.cooldowns.filter((entry) => entry.feature !== feature && entry.until > now),
      ].slice(0, 16),
    }),
    false,
    NO_HISTORY,
  );
}

export function applyPlan(state: QuotaState, accountId: string, plan: string): QuotaState {
  if (state.accounts[accountId]?.plan === plan) return state;
  return updateAccount(state, accountId, (account) => ({ ...account, plan }), false, NO_HISTORY);
}

/** The badge follows the account of the chatgpt.com tab the user looked at last, once it has readings. */
export function activateAccount(state: QuotaState, accountId: string): QuotaState {
  return state.activeAccount === accountId || !state.accounts[accountId] ? state : { ...state, activeAccount: accountId };
}
