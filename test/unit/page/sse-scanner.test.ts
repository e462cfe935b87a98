import { describe, expect, it } from 'vitest';
import { createSseScanner, EVERY_EVENT } from '../../../lib/page/sse-scanner';
import { fixtureBytes, streamFixtures } from '../fixtures';
import { chunksAt, eventDataOf, randomOffsets } from '../core/stream-readings';

/**
 * A network chunk can end anywhere, inside a line or inside a multi-byte character (protocol.md
 * section 4): however a body is cut, the scanner must hand over the same event data.
 */

const encode = (text: string) => new TextEncoder().encode(text);

const STREAMS = streamFixtures();

/** How many events with data each capture holds, counted by hand in the files. */
const EVENT_COUNTS: Record<string, number> = {
  'stream_cdm_cap_reached_free_2026-09.sse.txt': 1,
  'stream_image_gen_turn_plus_2026-04.sse.txt': 12,
  'stream_handoff.sse.txt': 3,
};

describe.each(STREAMS)('%s/%s', (folder, name) => {
  const bytes = fixtureBytes(folder, name);
  const whole = eventDataOf([bytes]);

  it('whole, it gives the events the file holds', () => {
    expect(whole).toHaveLength(EVENT_COUNTS[name] ?? -1);
    for (const data of whole) expect(data === '[DONE]' || data === '"v1"' || JSON.parse(data) !== null).toBe(true);
  });

  it('split in two at every byte offset, it gives the same events', () => {
    for (let offset = 0; offset <= bytes.length; offset++) {
      const events = eventDataOf(chunksAt(bytes, [offset]));
      if (events.length !== whole.length || events.some((data, index) => data !== whole[index])) {
        expect({ offset, events }).toEqual({ offset, events: whole });
      }
    }
  });

  it('fed byte by byte, it gives the same events', () => {
    const offsets = Array.from({ length: bytes.length - 1 }, (_, index) => index + 1);
    expect(eventDataOf(chunksAt(bytes, offsets))).toEqual(whole);
  });

  it('cut into three pieces at random offsets, it gives the same events', () => {
    const pick = randomOffsets(name.length * 7919, bytes.length, 2);
    for (let round = 0; round < 300; round++) {
      const offsets = pick();
      expect({ offsets, events: eventDataOf(chunksAt(bytes, offsets)) }).toEqual({ offsets, events: whole });
    }
  });

  it('fed through one buffer that is refilled after every push (a BYOB reader), it gives the same events', () => {
    const pick = randomOffsets(name.length * 104729, bytes.length, 6);
    for (let round = 0; round < 100; round++) {
      const events: string[] = [];
      const scanner = createSseScanner((data) => events.push(data), undefined, EVERY_EVENT);
      const buffer = new Uint8Array(bytes.length);
      for (const chunk of chunksAt(bytes, pick())) {
        buffer.set(chunk);
        scanner.push(buffer.subarray(0, chunk.length));
        // What the scanner still holds must not be these bytes: the next read overwrites them.
        buffer.fill(0x5f);
      }
      scanner.end();
      expect(events).toEqual(whole);
    }
  });

  it('with CRLF line ends, at every split, it gives the same events', () => {
    const crlf = encode(new TextDecoder().decode(bytes).replaceAll('\n', '\r\n'));
    expect(eventDataOf([crlf])).toEqual(whole);
    for (let offset = 0; offset <= crlf.length; offset++) {
      const events = eventDataOf(chunksAt(crlf, [offset]));
      if (events.join('\u0000') !== whole.join('\u0000')) expect({ offset, events }).toEqual({ offset, events: whole });
    }
  });
});

describe('multi-byte UTF-8', () => {
  const texts = ['9小时 内', 'résumé ☃', 'emoji 😀👍🏽', 'Wiele osób tworzy obrazy, więc może to chwilę zająć'];
  const body = texts.map((text) => `event: delta\ndata: {"v":${JSON.stringify(text)}}\n\n`).join('');
  const bytes = encode(body);

  it('the body has characters of 2, 3 and 4 bytes', () => {
    expect(bytes.length).toBeGreaterThan(body.length + 20);
  });

  it('split at every byte offset, including inside a character, decodes every character', () => {
    const expected = texts.map((text) => JSON.stringify({ v: text }));
    for (let offset = 0; offset <= bytes.length; offset++) {
      const events = eventDataOf(chunksAt(bytes, [offset]));
      if (events.join('\n') !== expected.join('\n')) expect({ offset, events }).toEqual({ offset, events: expected });
    }
    const offsets = Array.from({ length: bytes.length - 1 }, (_, index) => index + 1);
    expect(eventDataOf(chunksAt(bytes, offsets))).toEqual(expected);
  });

  it('a character cut off by the end of the body becomes U+FFFD, never a throw', () => {
    const cut = encode('data: 小');
    expect(eventDataOf([cut.subarray(0, cut.length - 1)])).toEqual(['\uFFFD']);
  });
});

describe('the event format', () => {
  it.each([
    ['LF', 'data: a\n\ndata: b\n\n', ['a', 'b']],
    ['CRLF', 'data: a\r\n\r\ndata: b\r\n\r\n', ['a', 'b']],
    ['multi-line data joined by \\n', 'data: a\ndata: b\n\n', ['a\nb']],
    ['no space after the colon', 'data:a\n\n', ['a']],
    ['only the first space is dropped', 'data:  a\n\n', [' a']],
    ['event:, id:, retry: and comments carry no data', 'event: delta\nid: 1\nretry: 5\n: keep-alive\ndata: x\n\n', ['x']],
    ['an event with no data line is not an event', 'event: ping\n\ndata: y\n\n', ['y']],
    ['the last event without its blank line still arrives', 'data: a\n\ndata: b', ['a', 'b']],
    ['consecutive blank lines', '\n\n\ndata: a\n\n\n\n', ['a']],
  ])('%s', (_name, body, expected) => {
    expect(eventDataOf([encode(body)])).toEqual(expected);
  });

  it('pushText takes decoded text the same way', () => {
    const events: string[] = [];
    const scanner = createSseScanner((data) => events.push(data), undefined, EVERY_EVENT);
    scanner.pushText('data: {"a"');
    scanner.pushText(':1}\n');
    scanner.pushText('\ndata: [DONE]\n\n');
    scanner.end();
    expect(events).toEqual(['{"a":1}', '[DONE]']);
  });
});

describe('the bound on one event', () => {
  const MAX = 100;
  const cdm = 'data: {"type":"conversation_detail_metadata","limits_progress":null}\n\n';
  const cdmData = '{"type":"conversation_detail_metadata","limits_progress":null}';

  /** Every way of cutting `body` in two must give `expected`. */
  function expectAtEverySplit(body: string, expected: string[]): void {
    const bytes = encode(body);
    for (let offset = 0; offset <= bytes.length; offset++) {
      const events = eventDataOf(chunksAt(bytes, [offset]), MAX);
      if (events.join('\u0000') !== expected.join('\u0000')) expect({ offset, events }).toEqual({ offset, events: expected });
    }
  }

  it('an event over the bound is skipped, and the next one still arrives, however it is cut', () => {
    expectAtEverySplit(`data: ${'x'.repeat(150)}\n\n${cdm}`, [cdmData]);
  });

  it('an event over the bound in many short lines is skipped too', () => {
    expectAtEverySplit(`${'data: 0123456789\n'.repeat(12)}\n${cdm}`, [cdmData]);
  });

  it('a line over the bound that is not data still skips only its own event', () => {
    expectAtEverySplit(`: ${'c'.repeat(150)}\ndata: lost\n\ndata: kept\n\n`, ['kept']);
  });

  it.each([60, 80, 90, 94, 95, 96, 97, 98, 99, 100, 101, 110])(
    'an event of %i data characters gets the same answer whole and cut anywhere',
    (length) => {
      const body = `data: ${'y'.repeat(length)}\n\n${cdm}`;
      const whole = eventDataOf([encode(body)], MAX);
      expect(whole.at(-1)).toBe(cdmData);
      if (length <= 80) expect(whole).toEqual(['y'.repeat(length), cdmData]);
      if (length >= 100) expect(whole).toEqual([cdmData]);
      expectAtEverySplit(body, whole);
    },
  );

  it('keeps memory bounded: 128 MB in one data line, then the quota event arrives', () => {
    const events: string[] = [];
    const scanner = createSseScanner((data) => events.push(data));
    const chunk = encode('z'.repeat(1 << 16));
    scanner.push(encode('data: '));
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    for (let index = 0; index < 2048; index++) {
      scanner.push(chunk);
      if (index % 64 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    scanner.push(encode(`\n\n${cdm}`));
    scanner.end();
    expect(events).toEqual([cdmData]);
    // Holding the line would take 128 MB of string; the decoded chunks are short-lived garbage.
    expect(peak - before).toBeLessThan(48 * (1 << 20));
  });
});
