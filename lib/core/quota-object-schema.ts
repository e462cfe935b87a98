import { z } from 'zod/mini';
import { CDM_TYPE, MAX_LIST_ITEMS, MAX_STRING_LENGTH } from '../page/quota-fields';
import { integer, list, name as nameOf, number, text } from './schema-parts';

/**
 * What a picked quota object (lib/page/quota-fields.ts) must look like to count as a reading.
 * Used at the isolated relay and again in the background: the page can forge anything.
 * One bad item rejects the whole reading; optional text that is absent or null is "unknown".
 */

/** Far above any plan seen (Pro: about 1000 images a day); a larger count is not a quota. */
export const MAX_REMAINING = 1_000_000;
const MAX_NAME_LENGTH = 200;

const name = nameOf(MAX_NAME_LENGTH);
const optionalText = z.nullish(text(MAX_STRING_LENGTH));

const featureItem = z.object({
  feature_name: name,
  remaining: integer(0, MAX_REMAINING),
  reset_after: optionalText,
});

const blockedItem = z.union([
  // Early captures listed blocked features as bare names.
  name,
  z.object({
    name,
    resets_after: optionalText,
    resets_after_text: optionalText,
    limit: z.nullish(number(0, MAX_REMAINING)),
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

const optionalList = <T extends z.core.SomeType>(item: T) => z.nullish(list(item, MAX_LIST_ITEMS));

export const quotaObjectSchema = z
  .object({
    type: z.optional(z.literal(CDM_TYPE)),
    limits_progress: optionalList(featureItem),
    blocked_features: optionalList(blockedItem),
    model_limits: optionalList(modelItem),
    default_model_slug: optionalText,
    intended_default_model_slug: optionalText,
    unknown_fields: z.optional(list(text(MAX_NAME_LENGTH), 64)),
  })
  .check(
    z.refine(
      (value) =>
        value.type === CDM_TYPE ||
        value.limits_progress !== undefined ||
        value.blocked_features !== undefined ||
        value.model_limits !== undefined,
      { message: 'no quota field' },
    ),
  );

export type QuotaObject = z.infer<typeof quotaObjectSchema>;
