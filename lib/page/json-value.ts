import { parseJson } from './page-natives';

/**
 * JSON values from untrusted text, for the page and the CLI alike. JSON.parse is the one taken at
 * document start (a page may replace it later and would see our calls).
 *
 * JSON.parse that answers undefined for text that is not JSON (or no text at all): page bodies
 * and events are untrusted, and an error thrown here must never reach the page. (V8's message would also quote the
 * input, and the CLI never prints a capture's text.)
 */
export function jsonValueOf(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}

/** A JSON object: not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a JSON object, or null: for reading nested fields in one chain. */
export const recordOf = (value: unknown): Record<string, unknown> | null => (isRecord(value) ? value : null);
