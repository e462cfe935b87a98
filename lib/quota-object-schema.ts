import { z } from 'zod';
import { CDM_TYPE, MAX_LIST_ITEMS, MAX_STRING_LENGTH } from './quota-fields';

/**
 * What a picked quota object (lib/quota-fields.ts) must look like to count as a reading.
 * Used at the isolated relay and again in the background: the page can forge anything.
 * One bad item rejects the whole reading; optional text that is absent or null is "unknown".
 */

/** Far above any plan seen (Pro: about 1000 images a day); a larger count is not a quota. */
export const MAX_REMAINING = 1_000_000;
const MAX_NAME_LENGTH = 200;

const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const optionalText = z.string().max(MAX_STRING_LENGTH).nullish();

const featureItem = z.object({
  feature_name: name,
  remaining: z.number().int().min(0).max(MAX_REMAINING),
  reset_after: optionalText,
});

const blockedItem = z.union([
  // Early captures listed blocked features as bare names.
  name,
  z.object({
    name,
    resets_after: optionalText,
    resets_after_text: optionalText,
    limit: z.number().finite().min(0).max(MAX_REMAINING).nullish(),
    description: optionalText,
    block_reason: optionalText,
  }),
]);

const modelItem = z.object({
  model_slug: name,
  using_default_model_slug: optionalText,
  resets_after: optionalText,
  description: optionalText,
});

const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST_ITEMS).nullish();

export const quotaObjectSchema = z
  .object({
    type: z.literal(CDM_TYPE).optional(),
    limits_progress: list(featureItem),
    blocked_features: list(blockedItem),
    model_limits: list(modelItem),
    default_model_slug: optionalText,
    intended_default_model_slug: optionalText,
    unknown_fields: z.array(z.string().max(MAX_NAME_LENGTH)).max(64).optional(),
  })
  .refine(
    (value) =>
      value.type === CDM_TYPE ||
      value.limits_progress !== undefined ||
      value.blocked_features !== undefined ||
      value.model_limits !== undefined,
    { message: 'no quota field' },
  );

export type QuotaObject = z.infer<typeof quotaObjectSchema>;
