/**
 * Reading nested fields of untrusted JSON values. Apart from json-value.ts, which takes the page's
 * JSON.parse at document start: the popup and the background read quota fields with these too, and
 * must not carry the page-world captures along. Array.isArray is taken when this module is
 * evaluated (in the page: at document_start), so a page that replaces it later sees no call.
 */
const { isArray } = Array;

/** A JSON object: not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !isArray(value);
}

/** The value as a JSON object, or null: for reading nested fields in one chain. */
export const recordOf = (value: unknown): Record<string, unknown> | null => (isRecord(value) ? value : null);
