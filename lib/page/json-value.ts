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
