import { z } from 'zod/mini';
import { ACCOUNT_KEY_PATTERN, TURN_KEY_PATTERN } from '../page/account-key';
import { MAX_MODEL_SLUG } from '../page/turn-model';
import { MAX_PLAN_LENGTH } from '../page/plan-name';
import { integer, name } from '../core/schema-parts';
import { isIgnoredReason, type IgnoredReason } from '../page/ignored-reasons';
import { PAGE_CARRIERS } from '../page/page-message';

/**
 * Validation of every finding's own fields, with tight bounds, done by the background on each
 * runtime message (lib/channel/runtime-messages.ts): whatever the relay let through, a forged or
 * absurd finding is dropped there. The quota object itself is picked again and validated by
 * lib/core/parse-quota-object.ts. The kinds and fields are those of the page message's table
 * (lib/page/page-message.ts); test/unit/meta/page-message.test.ts holds this schema to them.
 */

const pageCarrierSchema = z.enum(PAGE_CARRIERS);
export const accountKeySchema = z.nullable(z.string().check(z.regex(ACCOUNT_KEY_PATTERN)));

/** A month is longer than any quota window seen (deep research: monthly). */
const MAX_DELAY_MS = 31 * 24 * 3600 * 1000;
const delay = integer(0, MAX_DELAY_MS);
/** The page's own rule (lib/page/turn-model.ts), checked again: lower-case, bounded, no other character. */
const MODEL_SLUG_PATTERN = new RegExp(`^[a-z0-9][a-z0-9._-]{0,${MAX_MODEL_SLUG - 1}}$`);

/** A memory count as the page copied it: a number or a short string (parsed by lib/core/memory-usage.ts). */
const memoryNumber = z.nullable(z.union([z.number(), z.string().check(z.maxLength(24))]));

/** One schema per kind of the table, with each field's bounds. */
export const findingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quota'), carrier: pageCarrierSchema, quota: z.record(z.string(), z.unknown()) }),
  z.object({ kind: z.literal('codex-usage'), carrier: pageCarrierSchema, usage: z.record(z.string(), z.unknown()) }),
  z.object({
    kind: z.literal('memory'),
    carrier: pageCarrierSchema,
    memory: z.object({ memory_num_tokens: memoryNumber, memory_max_tokens: memoryNumber }),
  }),
  z.object({ kind: z.literal('refusal'), carrier: pageCarrierSchema, feature: z.literal('image_gen'), resetsInMs: z.nullable(delay) }),
  z.object({ kind: z.literal('cooldown'), carrier: pageCarrierSchema, feature: z.literal('image_gen'), cooldownMs: delay }),
  z.object({ kind: z.literal('model-cap'), carrier: pageCarrierSchema, clearsInMs: delay }),
  z.object({ kind: z.literal('plan'), carrier: pageCarrierSchema, plan: name(MAX_PLAN_LENGTH) }),
  z.object({
    kind: z.literal('turn-model'),
    carrier: pageCarrierSchema,
    model: z.string().check(z.regex(MODEL_SLUG_PATTERN)),
    auto: z.boolean(),
    turn: z.nullable(z.string().check(z.regex(TURN_KEY_PATTERN))),
  }),
  z.object({ kind: z.literal('account'), carrier: pageCarrierSchema }),
  z.object({
    kind: z.literal('ignored'),
    carrier: pageCarrierSchema,
    reason: z.custom<IgnoredReason>(isIgnoredReason, { message: 'unknown reason' }),
  }),
]);

export type Finding = z.infer<typeof findingSchema>;
