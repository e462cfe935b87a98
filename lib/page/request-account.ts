import { headersGet, isArray, ownDataValue, ownKeys, requestHeaders, toLowerCase, trim } from './page-natives';

/**
 * The account a request is made for, from its `chatgpt-account-id` header only. Only that one
 * header is looked up, by name: the Authorization header and cookies are never touched. The
 * fetch observer trusts it only once a 2xx response answers the request (lib/page/fetch-observer.ts).
 *
 * Read without a second visible access: the native fetch already read the call's arguments, so
 * only own data properties are looked at (a getter, which a page could count, is not called),
 * Headers and Request are told apart and read through their built-in methods taken at document
 * start, and no method a page can replace (Array.prototype.find, String.prototype.toLowerCase) is called.
 */
const ACCOUNT_HEADER = 'chatgpt-account-id';
const MAX_ID_LENGTH = 200;

const isAccountHeader = (name: unknown) =>
  typeof name === 'string' && name.length === ACCOUNT_HEADER.length && toLowerCase(name) === ACCOUNT_HEADER;

function fromPairs(pairs: unknown[]): unknown {
  const count = ownDataValue(pairs, 'length') as number;
  for (let index = 0; index < count; index++) {
    const pair = ownDataValue(pairs, `${index}`);
    if (isArray(pair) && isAccountHeader(ownDataValue(pair, '0'))) return ownDataValue(pair, '1');
  }
  return null;
}

function fromHeaders(headers: unknown): unknown {
  if (typeof headers !== 'object' || headers === null) return null;
  if (isArray(headers)) return fromPairs(headers);
  try {
    // The native get throws for anything but a Headers object: a brand check no page object passes.
    return headersGet(headers, ACCOUNT_HEADER);
  } catch {
    // A plain record of header names.
  }
  const names = ownKeys(headers);
  for (let index = 0; index < names.length; index++) if (isAccountHeader(names[index])) return ownDataValue(headers, names[index]!);
  return null;
}

/** The header from fetch's init, else from a Request input; null when neither has it. */
export function accountIdOfRequest(input: unknown, init: unknown): string | null {
  let id: unknown = null;
  try {
    if (typeof init === 'object' && init !== null) id = fromHeaders(ownDataValue(init, 'headers'));
    if (id === null && typeof input === 'object' && input !== null) id = fromHeaders(requestHeaders(input as Request));
  } catch {
    return null;
  }
  if (typeof id !== 'string' || id.length > MAX_ID_LENGTH) return null;
  const trimmed = trim(id);
  return trimmed !== '' ? trimmed : null;
}
