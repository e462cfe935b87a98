import { byteLength, bytesIndexOf } from './page-natives';

/**
 * Looks for ASCII markers in raw UTF-8 bytes, so that a stream's events can be tested without
 * being decoded. An ASCII byte never occurs inside a multi-byte UTF-8 character, so a marker is in
 * the bytes exactly when it is in the decoded text. Each marker is found through its rarest byte
 * (by the native `indexOf` of the typed array), then compared around it: in text deltas a capital,
 * `_` or `[` is rare, a lowercase letter common, so few candidates are ever compared. The search
 * runs on the page's turns: the typed array's indexOf and length are the ones taken at
 * document_start (page-natives.ts); needles are made when the module loads, before any page script.
 */

/** Bytes from most to least common in chat text and JSON; a byte not listed counts as rarest. */
const COMMON = ' etaoinsrhldcumfpgwybv"kxjqz:,{}';

interface Needle {
  bytes: Uint8Array;
  /** Its length, kept: Uint8Array's length is a getter a page can replace. */
  length: number;
  /** Where in the needle its rarest byte is. */
  anchor: number;
}

function needleOf(marker: string): Needle {
  const bytes = Uint8Array.from(marker, (char) => char.charCodeAt(0));
  const rarity = (byte: number) => {
    const rank = COMMON.indexOf(String.fromCharCode(byte));
    return rank === -1 ? COMMON.length : rank;
  };
  let anchor = 0;
  for (let index = 1; index < bytes.length; index++) if (rarity(bytes[index]!) > rarity(bytes[anchor]!)) anchor = index;
  return { bytes, length: bytes.length, anchor };
}

function holds(haystack: Uint8Array, haystackLength: number, { bytes, length, anchor }: Needle): boolean {
  const anchorByte = bytes[anchor]!;
  const last = haystackLength - length + anchor;
  for (let at = bytesIndexOf(haystack, anchorByte, anchor); at !== -1 && at <= last; at = bytesIndexOf(haystack, anchorByte, at + 1)) {
    const start = at - anchor;
    let index = 0;
    while (index < length && haystack[start + index] === bytes[index]) index++;
    if (index === length) return true;
  }
  return false;
}

/**
 * A test of whether some bytes hold at least one of `markers`, each printable ASCII and not empty
 * (not checked here, on every page load: test/unit/page/byte-markers.test.ts holds the page's markers to it).
 */
export function markerSearch(markers: readonly string[]): (bytes: Uint8Array) => boolean {
  const needles = markers.map(needleOf);
  return (bytes) => {
    const length = byteLength(bytes);
    for (let index = 0; index < needles.length; index++) if (holds(bytes, length, needles[index]!)) return true;
    return false;
  };
}
