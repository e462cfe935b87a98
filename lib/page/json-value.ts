import { parseJson } from './page-natives';

/**
 * JSON.parse (taken at document start: a page may replace it later) that answers undefined for text that is not JSON (or no text at all): page bodies
 * and events are untrusted, and an error thrown here must never reach the page.
 */
export function jsonValueOf(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}
