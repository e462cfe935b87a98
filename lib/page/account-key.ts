import { bigIntText, charCodeAt, NativeBigInt, slice } from './page-natives';

/**
 * Accounts are told apart by an opaque key made in the page from the account id the page itself
 * sends (chatgpt-account-id) or receives (/backend-api/me): the raw id never leaves the page.
 * FNV-1a 64-bit: synchronous and tiny, enough to keep a handful of accounts apart. The same hash
 * keys a turn (lib/page/turn-model.ts) so that a resumed turn is known again without its id.
 */
// Made in the page on its own calls: only captured built-ins are called (lib/page/page-natives.ts).
const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** `acct-` and the hash of an account id; `turn-` and the hash of a turn's exchange id. */
export function opaqueKeyOf(prefix: 'acct-' | 'turn-', rawId: string): string {
  let hash = OFFSET;
  for (let index = 0; index < rawId.length; index += 1) {
    hash ^= NativeBigInt(charCodeAt(rawId, index));
    hash = (hash * PRIME) & MASK;
  }
  // 2^64 added, then its leading 1 cut: sixteen hex digits, zeros kept (padStart would be one more captured built-in).
  return `${prefix}${slice(bigIntText(hash | (1n << 64n), 16), 1)}`;
}

export function accountKeyOf(rawId: string): string {
  return opaqueKeyOf('acct-', rawId);
}

export const ACCOUNT_KEY_PATTERN = /^acct-[0-9a-f]{16}$/;
export const TURN_KEY_PATTERN = /^turn-[0-9a-f]{16}$/;
