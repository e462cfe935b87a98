/**
 * Quota objects (CDM) in the variants protocol.md section 2 describes, as JSON text, with times
 * relative to `now`. Times are written as recent captures write them: microseconds and "+00:00".
 */

export const HOUR = 60 * 60 * 1000;

export function wireTime(at: number): string {
  return new Date(at).toISOString().replace('Z', '000+00:00');
}

export interface LimitSpec {
  remaining: number;
  /** Milliseconds from now; null writes an empty reset_after (unknown). */
  resetIn?: number | null;
}

export interface QuotaSpec {
  /** Features by name; null sends `limits_progress: null`; undefined leaves the field out. */
  limits?: Record<string, LimitSpec> | null;
  blocked?: unknown[];
  modelLimits?: unknown[];
  /** Leave `type` out, as some init captures do. */
  withoutType?: boolean;
  /** Fields the extension has never seen (drift): they must be ignored, not crash anything. */
  extra?: Record<string, unknown>;
}

function limitsProgress(limits: Record<string, LimitSpec>, now: number) {
  return Object.entries(limits).map(([name, limit]) => ({
    feature_name: name,
    remaining: limit.remaining,
    reset_after: limit.resetIn === null ? '' : wireTime(now + (limit.resetIn ?? 5 * HOUR)),
  }));
}

export function quotaObject(spec: QuotaSpec, now: number): Record<string, unknown> {
  return {
    ...(spec.withoutType ? {} : { type: 'conversation_detail_metadata' }),
    banner_info: null,
    blocked_features: spec.blocked ?? [],
    model_limits: spec.modelLimits ?? [],
    ...(spec.limits === undefined ? {} : { limits_progress: spec.limits === null ? null : limitsProgress(spec.limits, now) }),
    default_model_slug: 'gpt-5-3',
    atlas_mode_enabled: null,
    ...spec.extra,
  };
}

export function quotaJson(spec: QuotaSpec, now: number): string {
  return JSON.stringify(quotaObject(spec, now));
}

/** A blocked_features item as in the 2026-09 cap-reached capture (limit is a float on the wire; no description). */
export function blockedFeature(name: string, now: number, resetIn: number, limit: number): Record<string, unknown> {
  return {
    name,
    resets_after: wireTime(now + resetIn),
    resets_after_text: `in ${Math.round(resetIn / HOUR)} hours`,
    limit,
    description: null,
    call_to_action: null,
    upsell_context_id: null,
    block_reason: 'usage_limit',
  };
}

/** A model_limits item: the page falls back to `fallback` until the cap clears. */
export function modelLimit(model: string, fallback: string, now: number, resetIn: number): Record<string, unknown> {
  return { model_slug: model, using_default_model_slug: fallback, resets_after: wireTime(now + resetIn), description: null };
}
