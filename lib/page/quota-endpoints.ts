import {
  arrayIncludes,
  ownDataValue,
  endsWith,
  hasBrand,
  includes,
  NativeURL,
  requestUrl,
  slice,
  startsWith,
  urlHref,
  urlOrigin,
  urlPathname,
} from './page-natives';

/**
 * Which of the page's requests carry quota readings (protocol.md section 1): on chatgpt.com or
 * chat.openai.com only, matched on the pathname (the page adds query strings, and gives URLs as
 * strings, URL objects or Requests, relative or absolute). Logged-out pages use /backend-anon/
 * with the same shapes. Every fetch of the page passes here: most are rejected by a substring
 * test, before a URL object is built.
 */

export type FetchCarrier = 'init' | 'stream' | 'resume' | 'codex-usage' | 'memories';
/** accounts/check tells the plan and the account ids (protocol.md section 5); no quota in it. */
export type SideEndpoint = 'accounts-check';

const CARRIER_BY_PATH: Record<string, FetchCarrier> = {};
for (const root of ['/backend-api', '/backend-anon']) {
  CARRIER_BY_PATH[`${root}/conversation/init`] = 'init';
  CARRIER_BY_PATH[`${root}/f/conversation`] = 'stream';
  CARRIER_BY_PATH[`${root}/conversation`] = 'stream';
  CARRIER_BY_PATH[`${root}/f/conversation/resume`] = 'resume';
}
// Codex's 5-hour and weekly windows, asked by chatgpt.com's Codex pages (known from public
// descriptions, not yet from a capture). Only for a signed-in account: no /backend-anon twin.
CARRIER_BY_PATH['/backend-api/wham/usage'] = 'codex-usage';
// The memories list, asked by the settings page, says how full memory is (known from public
// descriptions): only two numbers of it are read (lib/page/side-responses.ts pickMemory).
CARRIER_BY_PATH['/backend-api/memories'] = 'memories';

/** The origins whose answers are read; the same pages the content scripts run on. */
const CARRIER_ORIGINS = ['https://chatgpt.com', 'https://chat.openai.com'];
/** Where turns moved to WebSocket come from (protocol.md section 1), besides the page's own hosts. */
const SOCKET_ORIGINS = ['wss://ws.chatgpt.com', 'wss://chatgpt.com', 'wss://chat.openai.com'];
/** Every carrier and side path holds this ("/backend-api/", "/backend-anon/", or relative without the slash). */
const PATH_MARK = 'backend-a';

function withoutTrailingSlash(pathname: string): string {
  return pathname.length > 1 && endsWith(pathname, '/') ? slice(pathname, 0, -1) : pathname;
}

export function carrierOfPath(pathname: string): FetchCarrier | null {
  const trimmed = withoutTrailingSlash(pathname);
  return (ownDataValue(CARRIER_BY_PATH, trimmed) as FetchCarrier | undefined) ?? null;
}

export function sideEndpointOfPath(pathname: string): SideEndpoint | null {
  return startsWith(pathname, '/backend-api/accounts/check/') ? 'accounts-check' : null;
}

/**
 * The text of a fetch input: only strings, URL and Request objects (calling a page object's
 * toString would be visible), told apart by their native getters, not by `instanceof`.
 */
function hrefOf(input: unknown): string | null {
  if (typeof input === 'string') return input;
  if (hasBrand(urlHref, input)) return urlHref(input as URL);
  return hasBrand(requestUrl, input) ? requestUrl(input as Request) : null;
}

function parsedUrl(href: string, base?: string): URL | null {
  if (!NativeURL) return null;
  try {
    return new NativeURL(href, base);
  } catch {
    return null;
  }
}

/**
 * The pathname of a fetch input on a carrier origin, without side effects; null for anything
 * else. Most URLs never hold the path mark and are rejected before a URL object is built.
 */
export function pathnameOfFetchInput(input: unknown, baseUrl: string): string | null {
  const href = hrefOf(input);
  if (href === null || !includes(href, PATH_MARK)) return null;
  const url = parsedUrl(href, baseUrl);
  return url !== null && arrayIncludes(CARRIER_ORIGINS, urlOrigin(url)) ? urlPathname(url) : null;
}

/** Whether a WebSocket URL is one chatgpt turns come on: wss:// on ws.chatgpt.com or the page's own hosts. */
export function isChatgptSocketUrl(input: unknown): boolean {
  const href = typeof input === 'string' ? input : hasBrand(urlHref, input) ? urlHref(input as URL) : null;
  if (href === null || !startsWith(href, 'wss://')) return false;
  const url = parsedUrl(href);
  return url !== null && arrayIncludes(SOCKET_ORIGINS, urlOrigin(url));
}
