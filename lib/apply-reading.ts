import type { FeatureQuota, Reading } from './quota-types';
import {
  type AccountState,
  type FeatureState,
  type QuotaState,
  DEFAULT_ACCOUNT,
  MAX_ACCOUNTS,
  MAX_FEATURES_PER_ACCOUNT,
  MAX_UNKNOWN_FIELDS,
  emptyAccountState,
} from './quota-state';

/**
 * Folds one reading into the state. Pure: the same state and reading give the same result.
 * A reading that does not list a feature leaves that feature as it was: when a cap is hit the
 * server can shrink limits_progress to one feature, or send null (protocol.md section 2).
 */

function nextFeatureState(previous: FeatureState | undefined, feature: FeatureQuota, reading: Reading): FeatureState {
  const sameWindow =
    previous !== undefined && (previous.resetsAt === null || reading.receivedAt < previous.resetsAt);
  // While a feature is full the server answers reset_after = now + window on every response,
  // so a reset time that moves forward with no drop in the count means the window has not started.
  const windowNotStarted =
    previous !== undefined &&
    previous.resetsAt !== null &&
    feature.resetsAt !== null &&
    feature.resetsAt > previous.resetsAt &&
    feature.remaining >= previous.remaining;
  return {
    name: feature.name,
    remaining: feature.remaining,
    resetsAt: feature.resetsAt,
    seenAt: reading.receivedAt,
    source: reading.source,
    maxSeen: sameWindow ? Math.max(previous.maxSeen, feature.remaining) : feature.remaining,
    windowNotStarted,
  };
}

/** Keeps the most recently seen features when a (forged or absurd) stream of names would grow state. */
function boundFeatures(features: Record<string, FeatureState>): Record<string, FeatureState> {
  const entries = Object.entries(features);
  if (entries.length <= MAX_FEATURES_PER_ACCOUNT) return features;
  entries.sort(([, a], [, b]) => b.seenAt - a.seenAt);
  return Object.fromEntries(entries.slice(0, MAX_FEATURES_PER_ACCOUNT));
}

function mergeUnknownFields(known: string[], fresh: string[]): string[] {
  if (fresh.length === 0) return known;
  const merged = [...fresh, ...known.filter((name) => !fresh.includes(name))];
  return merged.slice(0, MAX_UNKNOWN_FIELDS);
}

export function applyReadingToAccount(account: AccountState, reading: Reading): AccountState {
  const features = { ...account.features };
  for (const feature of reading.features ?? []) {
    features[feature.name] = nextFeatureState(account.features[feature.name], feature, reading);
  }
  return {
    features: boundFeatures(features),
    blocked: reading.blocked ?? account.blocked,
    modelLimits: reading.modelLimits ?? account.modelLimits,
    defaultModel: reading.defaultModel ?? account.defaultModel,
    plan: account.plan,
    lastReading: { at: reading.receivedAt, source: reading.source },
    unknownFields: mergeUnknownFields(account.unknownFields, reading.unknownFields),
  };
}

function lastSeen(account: AccountState): number {
  return account.lastReading?.at ?? 0;
}

/** Keeps the most recently active accounts (the active one always stays). */
function boundAccounts(accounts: Record<string, AccountState>, active: string): Record<string, AccountState> {
  const entries = Object.entries(accounts);
  if (entries.length <= MAX_ACCOUNTS) return accounts;
  entries.sort(([idA, a], [idB, b]) => Number(idB === active) - Number(idA === active) || lastSeen(b) - lastSeen(a));
  return Object.fromEntries(entries.slice(0, MAX_ACCOUNTS));
}

export function applyReading(state: QuotaState, reading: Reading, accountId: string = DEFAULT_ACCOUNT): QuotaState {
  const account = state.accounts[accountId] ?? emptyAccountState();
  const accounts = { ...state.accounts, [accountId]: applyReadingToAccount(account, reading) };
  return { ...state, accounts: boundAccounts(accounts, accountId), activeAccount: accountId };
}
