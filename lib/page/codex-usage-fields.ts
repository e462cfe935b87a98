import { isRecord } from './json-record';
import { scalarOf, type Scalar } from './quota-fields';

/**
 * Copies only the Codex limit fields out of a /backend-api/wham/usage body, in the page, before
 * anything leaves it (no zod: this runs in the MAIN world). The shape is known from public
 * descriptions: `plan_type`; `rate_limit` and `code_review_rate_limit`, each holding
 * `primary_window` and `secondary_window` of `{ used_percent, reset_at, limit_window_seconds }`;
 * `credits { has_credits, unlimited, balance }`. Every field may be missing or null. A window under
 * another name is kept (shown by its length); names of fields we do not know are kept for drift
 * diagnostics, never their values.
 */

const LIMIT_GROUPS = ['rate_limit', 'code_review_rate_limit'] as const;
const WINDOW_FIELDS = ['used_percent', 'reset_at', 'limit_window_seconds'] as const;
const CREDIT_FIELDS = ['has_credits', 'unlimited', 'balance'] as const;

/** A window's key as it may leave the page: short, lowercase, ends in `_window`. */
const WINDOW_KEY = /^[a-z][a-z0-9_]{0,40}_window$/;
/** Far more than the two windows described; a forged body must not grow the finding. */
const MAX_WINDOWS_PER_GROUP = 4;
const MAX_UNKNOWN_NAMES = 32;
const MAX_NAME_LENGTH = 80;

export type LimitGroup = (typeof LIMIT_GROUPS)[number];
export type PickedWindow = Partial<Record<(typeof WINDOW_FIELDS)[number], Scalar>>;
type PickedCredits = Partial<Record<(typeof CREDIT_FIELDS)[number], Scalar>>;

/** A type, not an interface: it must read as the plain record the channel schema takes. */
export type PickedCodexUsage = {
  plan_type?: Scalar;
  rate_limit?: Record<string, PickedWindow | Scalar> | Scalar;
  code_review_rate_limit?: Record<string, PickedWindow | Scalar> | Scalar;
  credits?: PickedCredits | Scalar;
  unknown_fields?: string[];
};

function pickFields<K extends string>(
  value: Record<string, unknown>,
  allowed: readonly K[],
  prefix: string,
  unknown: Set<string>,
): Partial<Record<K, Scalar>> {
  const picked: Partial<Record<K, Scalar>> = {};
  for (const key of Object.keys(value)) {
    if ((allowed as readonly string[]).includes(key)) picked[key as K] = scalarOf(value[key]);
    else unknown.add(`${prefix}.${key}`);
  }
  return picked;
}

function pickGroup(value: unknown, group: LimitGroup, unknown: Set<string>): Record<string, PickedWindow | Scalar> | Scalar {
  if (!isRecord(value)) return scalarOf(value);
  const windows: Record<string, PickedWindow | Scalar> = {};
  for (const key of Object.keys(value)) {
    const window = value[key];
    if (!WINDOW_KEY.test(key) || Object.keys(windows).length >= MAX_WINDOWS_PER_GROUP) unknown.add(`${group}.${key}`);
    else windows[key] = isRecord(window) ? pickFields(window, WINDOW_FIELDS, `${group}.${key}`, unknown) : scalarOf(window);
  }
  return windows;
}

/** The Codex limit fields of `value`, or null when it is not an object at all. */
export function pickCodexUsage(value: unknown): PickedCodexUsage | null {
  if (!isRecord(value)) return null;
  const unknown = new Set<string>();
  const picked: PickedCodexUsage = {};
  for (const key of Object.keys(value)) {
    const field = value[key];
    if (key === 'plan_type') picked.plan_type = scalarOf(field);
    else if (key === 'rate_limit' || key === 'code_review_rate_limit') picked[key] = pickGroup(field, key, unknown);
    else if (key === 'credits') picked.credits = isRecord(field) ? pickFields(field, CREDIT_FIELDS, 'credits', unknown) : scalarOf(field);
    // Picking again what was picked keeps its drift names (the relay and the background pick again).
    else if (key === 'unknown_fields' && Array.isArray(field))
      field
        .slice(0, MAX_UNKNOWN_NAMES)
        .filter((name) => typeof name === 'string')
        .forEach((name) => unknown.add(name));
    else unknown.add(key);
  }
  if (unknown.size > 0) {
    picked.unknown_fields = [...unknown].slice(0, MAX_UNKNOWN_NAMES).map((name) => name.slice(0, MAX_NAME_LENGTH));
  }
  return picked;
}

/** True when the body carries one of the Codex limit fields (an empty object or an error body does not). */
export function looksLikeCodexUsage(picked: PickedCodexUsage): boolean {
  return LIMIT_GROUPS.some((group) => isRecord(picked[group])) || isRecord(picked.credits);
}
