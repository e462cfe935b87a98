import { bigintToString, charCodeAt, NativeBigInt, padStart } from './page-natives';

/**
 * Accounts are told apart by an opaque key made in the page from the account id the page itself
 * sends (chatgpt-account-id) or receives (/backend-api/me): the raw id never leaves the page.
 * FNV-1a 64-bit: synchronous and tiny, enough to keep a handful of accounts apart. The same hash
 * keys a turn (lib/page/turn-model.ts) so that a resumed turn is known again without its id.
 */
/* Made in the page on its own calls, so only captured built-ins are called (lib/page/page-natives.ts). */
const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function opaqueKeyOf(prefix: string, rawId: string): string {
  let hash = OFFSET;
  for (let index = 0; index < rawId.length; index += 1) {
    hash ^= NativeBigInt(charCodeAt(rawId, index));
    hash = (hash * PRIME) & MASK;
  }
  return `${prefix}${padStart(bigintToString(hash, 16), 16, '0')}`;
}

export function accountKeyOf(rawId: string): string {
  return opaqueKeyOf('acct-', rawId);
}

export const ACCOUNT_KEY_PATTERN = /^acct-[0-9a-f]{16}$/;
export const TURN_KEY_PATTERN = /^turn-[0-9a-f]{16}$/;
