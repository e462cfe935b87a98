import { isRecord } from './json-record';
import { arrayIncludes, isArray, ownKeys, push, slice } from './page-natives';

/**
 * Copies only the quota fields out of a CDM-like object, in the page, before anything leaves it.
 * No zod here: this runs in the MAIN-world script on every chatgpt.com load (docs/testing.md).
 * What is not a quota field (conversation_id, banner_info, anything new) is dropped; only the
 * names of fields we do not know are kept, for drift diagnostics. Built-ins through page-natives.ts
 * only, and records without a prototype: a page that patched Array.prototype.includes or planted a
 * setter on Object.prototype must see none of this.
 */

export const CDM_TYPE = 'conversation_detail_metadata';

const ITEM_FIELDS = {
  limits_progress: ['feature_name', 'remaining', 'reset_after'],
  blocked_features: ['name', 'resets_after', 'resets_after_text', 'limit', 'description', 'block_reason'],
  model_limits: ['model_slug', 'using_default_model_slug', 'resets_after', 'description'],
} as const;

type ListField = keyof typeof ITEM_FIELDS;
const LIST_FIELDS = ownKeys(ITEM_FIELDS) as ListField[];
const SCALAR_FIELDS = ['type', 'default_model_slug', 'intended_default_model_slug'] as const;

/** Seen on the wire but not quota data: dropped without being reported as drift. */
const KNOWN_OTHER_FIELDS = ['banner_info', 'atlas_mode_enabled', 'file_attachment_limits', 'conversation_id'];
/** Blocked-feature fields that are upsell wiring, not quota. */
const KNOWN_OTHER_ITEM_FIELDS = ['call_to_action', 'upsell_context_id'];

/**
 * Bounds on what one reading may carry. Real readings list under ten features with sentences of
 * about a hundred characters; these bounds keep ten (forgeable) accounts well inside storage.local.
 */
export const MAX_LIST_ITEMS = 64;
export const MAX_STRING_LENGTH = 500;
const MAX_UNKNOWN_NAMES = 32;
const MAX_NAME_LENGTH = 80;

export type Scalar = string | number | boolean | null;
type PickedItem = Scalar | Record<string, Scalar>;

// A type, not an interface: it must be assignable to the relay schema's record (test/unit/meta/page-message.test.ts).
export type PickedQuota = {
  type?: Scalar;
  default_model_slug?: Scalar;
  intended_default_model_slug?: Scalar;
  limits_progress?: PickedItem[] | Scalar;
  blocked_features?: PickedItem[] | Scalar;
  model_limits?: PickedItem[] | Scalar;
  unknown_fields?: string[];
};

/** Strings over the bound become null: a value we will not carry is an unknown value. */
export function scalarOf(value: unknown): Scalar {
  if (typeof value === 'string') return value.length <= MAX_STRING_LENGTH ? value : null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** Adds a drift name once, at most MAX_UNKNOWN_NAMES of them, cut to MAX_NAME_LENGTH. */
function noteUnknown(unknown: string[], name: string): void {
  const short = slice(name, 0, MAX_NAME_LENGTH);
  if (unknown.length < MAX_UNKNOWN_NAMES && !arrayIncludes(unknown, short)) push(unknown, short);
}

/** A record without a prototype: writing a key calls no setter a page planted on Object.prototype. */
const bareRecord = <T>(): T => ({ __proto__: null }) as T;

function pickItem(item: unknown, field: ListField, unknown: string[]): PickedItem {
  if (!isRecord(item)) return scalarOf(item);
  const allowed: readonly string[] = ITEM_FIELDS[field];
  const picked = bareRecord<Record<string, Scalar>>();
  const keys = ownKeys(item);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (arrayIncludes(allowed, key)) picked[key] = scalarOf(item[key]);
    else if (!arrayIncludes(KNOWN_OTHER_ITEM_FIELDS, key)) noteUnknown(unknown, `${field}[].${key}`);
  }
  return picked;
}

function pickList(value: unknown, field: ListField, unknown: string[]): PickedItem[] | Scalar {
  // Anything but a list or null is the wrong type. `false` stands in for it so that validation
  // rejects the reading; null (what an object or an over-long string would become) means "not listed".
  if (!isArray(value)) return value === null || value === undefined ? null : false;
  // One item past the bound is kept so that validation rejects the list instead of truncating it.
  const items: PickedItem[] = [];
  for (let index = 0; index < value.length && index <= MAX_LIST_ITEMS; index++) push(items, pickItem(value[index], field, unknown));
  return items;
}

/** Returns the quota fields of `value`, or null when it is not an object at all. */
export function pickQuotaFields(value: unknown): PickedQuota | null {
  if (!isRecord(value)) return null;
  const unknown: string[] = [];
  const picked = bareRecord<PickedQuota>();
  const keys = ownKeys(value);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (arrayIncludes(SCALAR_FIELDS, key)) {
      picked[key as (typeof SCALAR_FIELDS)[number]] = scalarOf(value[key]);
    } else if (arrayIncludes(LIST_FIELDS, key)) {
      picked[key as ListField] = pickList(value[key], key as ListField, unknown);
    } else if (!arrayIncludes(KNOWN_OTHER_FIELDS, key)) {
      noteUnknown(unknown, key);
    }
  }
  if (unknown.length > 0) picked.unknown_fields = unknown;
  return picked;
}

/** True when the object says it is a CDM, or carries one of its quota lists. */
export function looksLikeQuotaObject(picked: PickedQuota): boolean {
  return picked.type === CDM_TYPE || 'limits_progress' in picked || 'blocked_features' in picked || 'model_limits' in picked;
}
