/** JSON.parse without its error: V8's message quotes the input, and a capture's text is never printed. */
export function parseJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}
