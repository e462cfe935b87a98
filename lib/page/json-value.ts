import { isArray, parseJson, setPrototypeOf } from './page-natives';

/**
 * JSON values from untrusted text, for the page and the CLI alike. JSON.parse is the one taken at
 * document start (a page may replace it later and would see our calls).
 *
 * Every object parsed here has no prototype: a field the JSON lacks reads as undefined, never as a
 * getter the page planted on Object.prototype (which would see our reads and could answer them,
 * turning a 429 without `detail` into a model cap). Arrays keep theirs and are read by index only.
 *
 * JSON.parse that answers undefined for text that is not JSON (or no text at all): page bodies
 * and events are untrusted, and an error thrown here must never reach the page. (V8's message would also quote the
 * input, and the CLI never prints a capture's text.)
 */
function withoutPrototype(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !isArray(value)) setPrototypeOf(value, null);
  return value;
}

export function jsonValueOf(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return parseJson(text, withoutPrototype);
  } catch {
    return undefined;
  }
}
