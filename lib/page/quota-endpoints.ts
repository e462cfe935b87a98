/**
 * Which of the page's requests carry quota readings (protocol.md section 1). Matched on the
 * pathname only: the page adds query strings, and gives URLs as strings, URL objects or Requests,
 * relative or absolute. Logged-out pages use /backend-anon/ with the same shapes.
 */

export type FetchCarrier = 'init' | 'stream' | 'resume' | 'codex-usage';
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

function withoutTrailingSlash(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

export function carrierOfPath(pathname: string): FetchCarrier | null {
  const trimmed = withoutTrailingSlash(pathname);
  return Object.hasOwn(CARRIER_BY_PATH, trimmed) ? (CARRIER_BY_PATH[trimmed] ?? null) : null;
}

export function sideEndpointOfPath(pathname: string): SideEndpoint | null {
  return pathname.startsWith('/backend-api/accounts/check/') ? 'accounts-check' : null;
}

/**
 * The pathname of a fetch input, without side effects: only strings, URL and Request objects
 * are looked at (calling a page object's toString a second time would be visible).
 */
export function pathnameOfFetchInput(input: unknown, baseUrl: string): string | null {
  let href: string;
  if (typeof input === 'string') href = input;
  else if (typeof URL !== 'undefined' && input instanceof URL) href = input.href;
  else if (typeof Request !== 'undefined' && input instanceof Request) href = input.url;
  else return null;
  try {
    return new URL(href, baseUrl).pathname;
  } catch {
    return null;
  }
}
