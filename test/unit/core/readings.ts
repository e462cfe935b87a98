import type { BlockedFeature, FeatureQuota, Reading } from '../../../lib/core/quota-types';

/** Small builders for readings in reducer and badge tables: only what a row is about is spelled out. */

export const HOUR = 60 * 60 * 1000;
export const T0 = 1_790_000_000_000;

export function reading(at: number, fields: Partial<Omit<Reading, 'receivedAt'>> = {}): Reading {
  return {
    source: 'init',
    receivedAt: at,
    features: null,
    blocked: null,
    modelLimits: null,
    defaultModel: null,
    unknownFields: [],
    ...fields,
  };
}

export function feature(name: string, remaining: number, resetsAt: number | null): FeatureQuota {
  return { name, remaining, resetsAt };
}

export function block(name: string, resetsAt: number | null = null): BlockedFeature {
  return { name, resetsAt, resetsAfterText: null, limit: null, description: null, reason: null };
}
