import { describe, expect, it } from 'vitest';
import { markerSearch } from '../../../lib/page/byte-markers';
import { TURN_MARKERS } from '../../../lib/page/turn-markers';

/**
 * The raw-byte marker search must agree with `String.prototype.includes` on the decoded text,
 * whatever the text around the marker (multi-byte characters, the marker at either end, near misses).
 */

const encode = (text: string) => new TextEncoder().encode(text);

describe('markerSearch', () => {
  const search = markerSearch(['conversation_detail_metadata', '[DONE]', 'generating images too quickly']);

  it.each([
    ['the marker alone', 'conversation_detail_metadata', true],
    ['at the start', 'conversation_detail_metadata","x":1', true],
    ['at the end', '{"type":"conversation_detail_metadata', true],
    ['among multi-byte characters', '小时 😀 [DONE] résumé', true],
    ['another marker of the list', 'You are generating images too quickly.', true],
    ['a near miss (one byte off)', 'conversation_detail_metadatA', false],
    ['cut short by the end', 'conversation_detail_metadat', false],
    ['the rare byte without the rest', '[DON [DO [ DONE] _ __', false],
    ['empty bytes', '', false],
    ['multi-byte text only', '图像生成次数已用完 😀👍🏽', false],
  ])('%s', (_name, text, expected) => {
    expect(search(encode(text))).toBe(expected);
    expect(search(encode(text))).toBe(
      ['conversation_detail_metadata', '[DONE]', 'generating images too quickly'].some((marker) => text.includes(marker)),
    );
  });

  it('agrees with includes on random texts built from marker pieces', () => {
    const pieces = [...TURN_MARKERS.flatMap((marker) => [marker, marker.slice(1), marker.slice(0, -1)]), '小', '😀', ' ', '"', '_'];
    const all = markerSearch(TURN_MARKERS);
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      expect({ text, found: all(encode(text)) }).toEqual({ text, found: TURN_MARKERS.some((marker) => text.includes(marker)) });
    }
  });

  it('is given only markers it can find in raw bytes: printable ASCII, not empty', () => {
    expect(TURN_MARKERS.length).toBeGreaterThan(0);
    for (const marker of TURN_MARKERS) expect(marker).toMatch(/^[\u0020-\u007e]+$/);
  });
});
