import { headersGet, NativeHeaders, NativeRequest, ownDataValue, requestHeaders } from './page-natives';

/**
 * The account a request is made for, from its `chatgpt-account-id` header only. Only that one
 * header is looked up, by name: the Authorization header and cookies are never touched.
 *
 * Read without a second visible access: the native fetch already read the call's arguments, so
 * only own data properties are looked at (a getter, which a page could count, is not called),
 * and Headers and Request through their built-in methods taken at document start.
 */
const ACCOUNT_HEADER = 'chatgpt-account-id';
const MAX_ID_LENGTH = 200;

function fromHeaders(headers: unknown): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  if (NativeHeaders && headers instanceof NativeHeaders) return headersGet(headers, ACCOUNT_HEADER);
  if (Array.isArray(headers)) {
    const pair: unknown = headers.find(
      (entry) => Array.isArray(entry) && typeof entry[0] === 'string' && entry[0].toLowerCase() === ACCOUNT_HEADER,
    );
    return Array.isArray(pair) && typeof pair[1] === 'string' ? pair[1] : null;
  }
  const key = Object.keys(headers).find((name) => name.toLowerCase() === ACCOUNT_HEADER);
  const value = key === undefined ? undefined : ownDataValue(headers, key);
  return typeof value === 'string' ? value : null;
}

/** The header from fetch's init, else from a Request input; null when neither has it. */
export function accountIdOfRequest(input: unknown, init: unknown): string | null {
  let id: string | null = null;
  try {
    if (typeof init === 'object' && init !== null) id = fromHeaders(ownDataValue(init, 'headers'));
    if (id === null && NativeRequest && input instanceof NativeRequest) id = fromHeaders(requestHeaders(input));
  } catch {
    return null;
  }
  const trimmed = id?.trim() ?? '';
  return trimmed !== '' && trimmed.length <= MAX_ID_LENGTH ? trimmed : null;
}
