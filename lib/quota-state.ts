import { z } from 'zod';
import { READING_SOURCES } from './quota-types';

/**
 * The state the background keeps in storage.local, per account. Versioned and validated when
 * read back: an older version, another extension build or a corrupted profile may have written it.
 */

export const STATE_VERSION = 1;
/** Readings seen before we know the account (or on a page that never says) go here. */
export const DEFAULT_ACCOUNT = 'default';
export const MAX_ACCOUNTS = 10;
export const MAX_FEATURES_PER_ACCOUNT = 64;
export const MAX_UNKNOWN_FIELDS = 32;

const time = z.number().int().min(0);
const text = z.string().max(2000);
const source = z.enum(READING_SOURCES as [string, ...string[]]);

export const featureStateSchema = z.object({
  name: z.string().min(1).max(200),
  remaining: z.number().int().min(0),
  resetsAt: time.nullable(),
  /** When the reading that set this feature arrived. */
  seenAt: time,
  source,
  /** The largest remaining seen in the current window: a cap "as far as we have seen". */
  maxSeen: z.number().int().min(0),
  /** The reset time moved forward while the count did not drop: full, the window starts with first use. */
  windowNotStarted: z.boolean(),
  /** The reset time is an estimate from a refusal's text, not the server's timestamp. */
  resetEstimated: z.boolean().default(false),
});

export const blockedStateSchema = z.object({
  name: z.string().min(1).max(200),
  resetsAt: time.nullable(),
  resetsAfterText: text.nullable(),
  limit: z.number().min(0).nullable(),
  description: text.nullable(),
  reason: text.nullable(),
});

export const modelLimitStateSchema = z.object({
  model: z.string().min(1).max(200),
  fallback: text.nullable(),
  resetsAt: time.nullable(),
  description: text.nullable(),
});

/** "You're generating images too quickly": a pause of about an hour (estimated end). */
export const cooldownStateSchema = z.object({
  feature: z.string().min(1).max(200),
  until: time,
  seenAt: time,
});

export const accountStateSchema = z.object({
  features: z.record(z.string(), featureStateSchema),
  blocked: z.array(blockedStateSchema).max(200),
  modelLimits: z.array(modelLimitStateSchema).max(200),
  defaultModel: text.nullable(),
  plan: text.nullable(),
  lastReading: z.object({ at: time, source }).nullable(),
  unknownFields: z.array(z.string().max(200)).max(MAX_UNKNOWN_FIELDS),
  cooldowns: z.array(cooldownStateSchema).max(16).default([]),
});

export const quotaStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  accounts: z.record(z.string(), accountStateSchema),
  activeAccount: z.string().min(1).max(200),
});

export type FeatureState = z.infer<typeof featureStateSchema>;
export type BlockedState = z.infer<typeof blockedStateSchema>;
export type ModelLimitState = z.infer<typeof modelLimitStateSchema>;
export type CooldownState = z.infer<typeof cooldownStateSchema>;
export type AccountState = z.infer<typeof accountStateSchema>;
export type QuotaState = z.infer<typeof quotaStateSchema>;

export function emptyAccountState(): AccountState {
  return { features: {}, blocked: [], modelLimits: [], defaultModel: null, plan: null, lastReading: null, unknownFields: [], cooldowns: [] };
}

export function emptyQuotaState(): QuotaState {
  return { version: STATE_VERSION, accounts: {}, activeAccount: DEFAULT_ACCOUNT };
}

/** Reads back what storage held: a valid state, or an empty one (and why) when it is not. */
export function quotaStateFromStorage(value: unknown): { state: QuotaState; problem: string | null } {
  if (value === undefined || value === null) return { state: emptyQuotaState(), problem: null };
  const parsed = quotaStateSchema.safeParse(value);
  if (parsed.success) return { state: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  return { state: emptyQuotaState(), problem: `stored state rejected at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}` };
}

export function activeAccountState(state: QuotaState): AccountState | undefined {
  return state.accounts[state.activeAccount];
}
