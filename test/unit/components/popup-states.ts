import { type AccountState, type BlockedState, type FeatureState, emptyAccountState } from '../../../lib/core/quota-state';

/** Stored states for popup tests: one account, its latest reading two minutes before NOW. */

export const NOW = Date.parse('2026-04-17T13:03:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Near the daily image reset seen at 18:15 UTC (protocol.md section 6). */
export const RESETS_AT = NOW + 5 * HOUR + 12 * MINUTE;

export function feature(name: string, remaining: number, extra: Partial<FeatureState> = {}): FeatureState {
  return {
    name,
    remaining,
    resetsAt: RESETS_AT,
    seenAt: NOW - 2 * MINUTE,
    source: 'stream',
    maxSeen: remaining,
    windowNotStarted: false,
    resetEstimated: false,
    ...extra,
  };
}

export function block(name: string, extra: Partial<BlockedState> = {}): BlockedState {
  return { name, resetsAt: NOW + 3 * HOUR, resetsAfterText: null, limit: null, description: null, reason: null, ...extra };
}

export function account(features: FeatureState[], extra: Partial<AccountState> = {}): AccountState {
  return {
    ...emptyAccountState(),
    features: Object.fromEntries(features.map((entry) => [entry.name, entry])),
    lastReading: { at: NOW - 2 * MINUTE, source: 'stream' },
    ...extra,
  };
}
