import { isRecord } from './json-record';
import { scalarOf, type Scalar } from './quota-fields';

/**
 * Copies only the Codex limit fields out of a /backend-api/wham/usage body, in the page, before
 * anything leaves it (no zod: this runs in the MAIN world). The shape is known from public
 * descriptions (docs/protocol.md section 7): `plan_type`; `rate_limit` and `code_review_rate_limit`
 * with `primary_window` and `secondary_window` and the server's `allowed` / `limit_reached`;
 * `additional_rate_limits`, a list of per-model limits of the same shape; `credits`,
 * `rate_limit_reset_credits` and `spend_control`. Every field may be missing, null or odd.
 *
 * One walk over a list of allowed names, at any depth, rather than a reader per group: the page
 * pays for every byte here, and meaning (which name belongs where, ranges, types) is the
 * background's to check (lib/core/parse-codex-usage.ts). Values of other fields never leave the
 * page (an e-mail address, a user or account id); their names do, for drift diagnostics.
 */

const CODEX_NAMES = new Set(
  (
    'plan_type rate_limit code_review_rate_limit additional_rate_limits limit_name metered_feature allowed limit_reached ' +
    'rate_limit_reached_type used_percent reset_at limit_window_seconds credits has_credits unlimited balance ' +
    'approx_local_messages approx_cloud_messages rate_limit_reset_credits available_count status expires_at spend_control reached'
  ).split(' '),
);
/** A window under a new name is kept (shown by its length): short, lowercase, ends in `_window`. */
const WINDOW_KEY = /^[a-z][a-z0-9_]{0,40}_window$/;
/** Far more than described (two groups, a few models, a few credits): a forged body must not grow the finding. */
const MAX_ITEMS = 8;
/** The deepest described path is four levels (additional_rate_limits[].rate_limit.primary_window.used_percent). */
const MAX_DEPTH = 5;
const MAX_UNKNOWN_NAMES = 32;
const MAX_NAME_LENGTH = 80;

/** What may leave the page: scalars within bounds, and lists and objects of them. */
type PickedJson = Scalar | PickedJson[] | { [key: string]: PickedJson };
/** A type, not an interface: it must read as the plain record the channel schema takes. */
export type PickedCodexUsage = { [key: string]: PickedJson | string[] | undefined; unknown_fields?: string[] };

function pick(value: unknown, path: string, depth: number, unknown: Set<string>): PickedJson {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => pick(item, `${path}[]`, depth + 1, unknown));
  if (!isRecord(value)) return scalarOf(value);
  const picked: Record<string, PickedJson> = {};
  let windows = 0;
  for (const key of Object.keys(value)) {
    const name = path ? `${path}.${key}` : key;
    if (CODEX_NAMES.has(key) || (WINDOW_KEY.test(key) && ++windows <= MAX_ITEMS)) picked[key] = pick(value[key], name, depth + 1, unknown);
    else unknown.add(name);
  }
  return picked;
}

/** The Codex limit fields of `value`, or null when it is not an object at all. */
export function pickCodexUsage(value: unknown): PickedCodexUsage | null {
  if (!isRecord(value)) return null;
  // Picking again what was picked keeps its drift names (the background picks again).
  const { unknown_fields: names, ...body } = value;
  const unknown = new Set(
    Array.isArray(names) ? names.slice(0, MAX_UNKNOWN_NAMES).filter((name): name is string => typeof name === 'string') : [],
  );
  const picked = pick(body, '', 0, unknown) as PickedCodexUsage;
  if (unknown.size > 0) picked.unknown_fields = [...unknown].slice(0, MAX_UNKNOWN_NAMES).map((name) => name.slice(0, MAX_NAME_LENGTH));
  return picked;
}

/** True when the body carries one of the Codex limit groups (an empty object or an error body does not). */
export function looksLikeCodexUsage(picked: PickedCodexUsage): boolean {
  return ['rate_limit', 'code_review_rate_limit', 'credits', 'additional_rate_limits', 'rate_limit_reset_credits'].some(
    (group) => typeof picked[group] === 'object' && picked[group] !== null,
  );
}
