import type { BlockedFeature, FeatureQuota, ModelLimit, Reading, QuotaReadingSource } from './quota-types';
import { quotaObjectSchema, type QuotaObject } from './quota-object-schema';
import { parseResetTimeAt } from './reset-time';

export type ParseResult = { ok: true; reading: Reading } | { ok: false; error: string };

interface ReadingContext {
  source: QuotaReadingSource;
  receivedAt: number;
}

function featuresOf(list: QuotaObject['limits_progress'], receivedAt: number): FeatureQuota[] | null {
  if (list == null) return null;
  const seen = new Set<string>();
  const features: FeatureQuota[] = [];
  for (const item of list) {
    // A name listed twice keeps its first entry: one reading, one number per feature.
    if (seen.has(item.feature_name)) continue;
    seen.add(item.feature_name);
    features.push({ name: item.feature_name, remaining: item.remaining, resetsAt: parseResetTimeAt(item.reset_after, receivedAt) });
  }
  return features;
}

function blockedOf(list: QuotaObject['blocked_features'], receivedAt: number): BlockedFeature[] | null {
  if (list == null) return null;
  return list.map((item) =>
    typeof item === 'string'
      ? { name: item, resetsAt: null, resetsAfterText: null, limit: null, description: null, reason: null }
      : {
          name: item.name,
          resetsAt: parseResetTimeAt(item.resets_after, receivedAt),
          resetsAfterText: item.resets_after_text ?? null,
          limit: item.limit ?? null,
          description: item.description ?? null,
          reason: item.block_reason ?? null,
        },
  );
}

function modelLimitsOf(list: QuotaObject['model_limits'], receivedAt: number): ModelLimit[] | null {
  if (list == null) return null;
  return list.map((item) => ({
    model: item.model_slug,
    fallback: item.using_default_model_slug ?? null,
    resetsAt: parseResetTimeAt(item.resets_after, receivedAt),
    description: item.description ?? null,
  }));
}

/** Turns an already picked quota object into a Reading, or says why it is not one. */
export function readingFromPickedQuota(picked: unknown, context: ReadingContext): ParseResult {
  const parsed = quotaObjectSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'quota'}: ${issue?.message ?? 'invalid'}` };
  }
  const quota = parsed.data;
  return {
    ok: true,
    reading: {
      source: context.source,
      receivedAt: context.receivedAt,
      features: featuresOf(quota.limits_progress, context.receivedAt),
      blocked: blockedOf(quota.blocked_features, context.receivedAt),
      modelLimits: modelLimitsOf(quota.model_limits, context.receivedAt),
      defaultModel: quota.default_model_slug ?? null,
      unknownFields: quota.unknown_fields ?? [],
    },
  };
}
