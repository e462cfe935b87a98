import { z } from 'zod/mini';
import { codexStateSchema } from './codex-state';
import { quotaStateV1ToV2 } from './codex-state-migration';
import { memoryStateSchema } from './memory-state';
import { READING_SOURCES } from './quota-types';
import { MAX_LIST_ITEMS, MAX_STRING_LENGTH } from '../page/quota-fields';
import { integer, isSafeKey, list, name as nameOf, number, text as textOf } from './schema-parts';
import { remainingPointsSchema } from './remaining-points';
import { DEFAULT_ACCOUNT, STATE_VERSION, emptyAccountState as emptyAccount, emptyQuotaState as emptyState } from './empty-quota-state';

/**
 * The state the background keeps in storage.local, per account. Versioned and validated when
 * read back: an older version, another extension build or a corrupted profile may have written it.
 */

// The empty state and its version live apart, without zod, for the popup's first paint.
export { DEFAULT_ACCOUNT, STATE_VERSION };
/** The steps from each older version, for the store (lib/extension/stored-value.ts). */
export const STATE_MIGRATIONS = { 1: quotaStateV1ToV2 };
export const MAX_ACCOUNTS = 10;
export const MAX_FEATURES_PER_ACCOUNT = 64;
export const MAX_UNKNOWN_FIELDS = 32;

const time = integer(0);
const text = textOf(MAX_STRING_LENGTH);
const name = nameOf(200);
const source = z.enum(READING_SOURCES);

/** A record with at most `max` entries: a corrupted profile must not be read back unbounded. */
const boundedRecord = <T extends z.core.SomeType>(value: T, max: number) =>
  z
    .record(z.string().check(z.refine(isSafeKey, { message: 'reserved name' })), value)
    .check(z.refine((entries) => Object.keys(entries).length <= max, { message: `more than ${max} entries` }));

const featureStateSchema = z.object({
  name,
  remaining: integer(0),
  resetsAt: z.nullable(time),
  /** When the reading that set this feature arrived. */
  seenAt: time,
  source,
  /** The largest remaining seen in the current window: a cap "as far as we have seen". */
  maxSeen: integer(0),
  /** The reset time moved forward while the count did not drop: full, the window starts with first use. */
  windowNotStarted: z.boolean(),
  /** The reset time is an estimate from a refusal's text, not the server's timestamp. */
  resetEstimated: z._default(z.boolean(), false),
  /**
   * The counts seen this window, for the run-out forecast and the bar rule. Optional, so that a
   * state written before it existed reads back unchanged (no version bump: nothing to migrate).
   */
  points: z.optional(remainingPointsSchema),
});

const blockedStateSchema = z.object({
  name,
  resetsAt: z.nullable(time),
  resetsAfterText: z.nullable(text),
  limit: z.nullable(number(0, Number.MAX_SAFE_INTEGER)),
  description: z.nullable(text),
  reason: z.nullable(text),
});

const modelLimitStateSchema = z.object({
  model: name,
  fallback: z.nullable(text),
  resetsAt: z.nullable(time),
  description: z.nullable(text),
});

/** "You're generating images too quickly": a pause of about an hour (estimated end). */
const cooldownStateSchema = z.object({
  feature: name,
  until: time,
  seenAt: time,
});

const accountStateSchema = z.object({
  features: boundedRecord(featureStateSchema, MAX_FEATURES_PER_ACCOUNT),
  blocked: list(blockedStateSchema, MAX_LIST_ITEMS),
  modelLimits: list(modelLimitStateSchema, MAX_LIST_ITEMS),
  defaultModel: z.nullable(text),
  plan: z.nullable(text),
  lastReading: z.nullable(z.object({ at: time, source })),
  unknownFields: list(textOf(200), MAX_UNKNOWN_FIELDS),
  cooldowns: z._default(list(cooldownStateSchema, 16), []),
  /** Codex's windows and credits (lib/core/codex-state.ts); null until a Codex page asked for them. */
  codex: z._default(z.nullable(codexStateSchema), null),
  /** How full memory is (lib/core/memory-state.ts); null until the page loaded its memories. */
  memory: z._default(z.nullable(memoryStateSchema), null),
  /** Set while the account was seen in one reading only: a page may have made it up (lib/core/account-eviction.ts). */
  seenOnce: z.optional(z.literal(true)),
});

export const quotaStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  accounts: boundedRecord(accountStateSchema, MAX_ACCOUNTS),
  activeAccount: name,
});

export type FeatureState = z.infer<typeof featureStateSchema>;
export type BlockedState = z.infer<typeof blockedStateSchema>;
export type AccountState = z.infer<typeof accountStateSchema>;
export type QuotaState = z.infer<typeof quotaStateSchema>;

export const emptyAccountState: () => AccountState = emptyAccount;
export const emptyQuotaState: () => QuotaState = emptyState;

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
