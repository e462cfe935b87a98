/**
 * The account a request is made for, from its `chatgpt-account-id` header only. Only that one
 * header is looked up, by name: the Authorization header and cookies are never touched.
 */
const ACCOUNT_HEADER = 'chatgpt-account-id';
const MAX_ID_LENGTH = 200;

function fromHeaders(headers: unknown): string | null {
  if (headers === null || headers === undefined) return null;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(ACCOUNT_HEADER);
  if (Array.isArray(headers)) {
    const pair = headers.find((entry) => Array.isArray(entry) && String(entry[0]).toLowerCase() === ACCOUNT_HEADER);
    return pair ? String(pair[1]) : null;
  }
  if (typeof headers === 'object') {
    const key = Object.keys(headers).find((name) => name.toLowerCase() === ACCOUNT_HEADER);
    const value = key === undefined ? undefined : (headers as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : null;
  }
  return null;
}

/** The header from fetch's init, else from a Request input; null when neither has it. */
export function accountIdOfRequest(input: unknown, init: unknown): string | null {
  let id: string | null = null;
  try {
    if (typeof init === 'object' && init !== null) id = fromHeaders((init as { headers?: unknown }).headers);
    if (id === null && typeof Request !== 'undefined' && input instanceof Request) id = fromHeaders(input.headers);
  } catch {
    return null;
  }
  const trimmed = id?.trim() ?? '';
  return trimmed !== '' && trimmed.length <= MAX_ID_LENGTH ? trimmed : null;
}
