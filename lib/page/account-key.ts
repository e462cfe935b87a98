import { bigIntText, charCodeAt, NativeBigInt, padStart } from './page-natives';

/**
 * Accounts are told apart by an opaque key made in the page from the account id the page itself
 * sends (chatgpt-account-id) or receives (/backend-api/me): the raw id never leaves the page.
 * FNV-1a 64-bit: synchronous and tiny, enough to keep a handful of accounts apart. Made on every
 * read response of an account, so BigInt, charCodeAt, toString and padStart are the ones taken at
 * document_start (page-natives.ts): a page that patched them must not see a call.
 */
const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function accountKeyOf(rawId: string): string {
  let hash = OFFSET;
  for (let index = 0; index < rawId.length; index += 1) {
    hash ^= NativeBigInt(charCodeAt(rawId, index));
    hash = (hash * PRIME) & MASK;
  }
  return `acct-${padStart(bigIntText(hash, 16), 16, '0')}`;
}

export const ACCOUNT_KEY_PATTERN = /^acct-[0-9a-f]{16}$/;
