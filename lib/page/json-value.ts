/**
 * JSON.parse that answers undefined for text that is not JSON (or no text at all): page bodies
 * and events are untrusted, and an error thrown here must never reach the page.
 */
export function jsonValueOf(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
