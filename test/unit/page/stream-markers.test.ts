import { describe, expect, it } from 'vitest';
import type { PageFinding } from '../../../lib/page/page-message';
import { createSseScanner, EVERY_EVENT } from '../../../lib/page/sse-scanner';
import { createTurnEventReader } from '../../../lib/page/turn-events';
import { isTurnEventWanted } from '../../../lib/page/turn-markers';
import { fixtureBytes, fixtureJson, streamFixtures } from '../fixtures';
import { chunksAt } from '../core/stream-readings';

/**
 * The scanner passes over the events that hold none of the turn reader's markers without decoding
 * them (turn-markers.ts). That must never change what the reader finds: on every capture, cut
 * anywhere, the findings are those of a scanner that hands over every event.
 */

function findingsOf(chunks: Uint8Array[], wanted?: typeof EVERY_EVENT): PageFinding[] {
  const findings: PageFinding[] = [];
  const scanner = createSseScanner(
    createTurnEventReader('stream', (finding) => findings.push(finding)),
    undefined,
    wanted,
  );
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return findings;
}

const encode = (text: string) => new TextEncoder().encode(text);

describe.each(streamFixtures())('%s/%s', (folder, name) => {
  const bytes = fixtureBytes(folder, name);
  const expected = findingsOf([bytes], EVERY_EVENT);

  it('gives the findings of a scanner that reads every event, cut at every offset', () => {
    for (let offset = 0; offset <= bytes.length; offset++) {
      const found = findingsOf(chunksAt(bytes, [offset]));
      if (JSON.stringify(found) !== JSON.stringify(expected)) expect({ offset, found }).toEqual({ offset, found: expected });
    }
  });
});

describe('the events passed over', () => {
  it('text deltas never reach the reader; the quota event and [DONE] do, even split inside their marker', () => {
    const body =
      `event: delta\ndata: {"v":"hello 小时"}\n\n` +
      `data: {"type":"conversation_detail_metadata","limits_progress":[]}\n\n` +
      `data: {"v":" world"}\n\ndata: [DONE]\n\n`;
    const whole = encode(body);
    const cut = body.indexOf('detail_meta');
    for (const chunks of [[whole], chunksAt(whole, [cut]), chunksAt(whole, [cut, body.indexOf('DONE')])]) {
      const events: string[] = [];
      const scanner = createSseScanner((data) => events.push(data));
      for (const chunk of chunks) scanner.push(chunk);
      scanner.end();
      expect(events).toEqual(['{"type":"conversation_detail_metadata","limits_progress":[]}', '[DONE]']);
    }
  });

  it('an event without a marker is never decoded', () => {
    const decode = TextDecoder.prototype.decode;
    let decoded = 0;
    TextDecoder.prototype.decode = function counting(this: TextDecoder, ...args: Parameters<TextDecoder['decode']>) {
      decoded += 1;
      return decode.apply(this, args);
    };
    try {
      const scanner = createSseScanner(() => undefined);
      for (let index = 0; index < 100; index++) scanner.push(encode(`event: delta\ndata: {"v":"token ${index} 图像"}\n\n`));
      scanner.end();
    } finally {
      TextDecoder.prototype.decode = decode;
    }
    expect(decoded).toBe(0);
  });
});

describe('isTurnEventWanted', () => {
  const event = (data: string) => encode(`event: delta\ndata: ${data}\n\n`);
  const refusal = fixtureJson('synthetic', 'tool_image_quota_refusal_en.json');
  const cooldown = fixtureJson('real', 'tool_image_cooldown.json');
  it.each([
    ['a text delta', event('{"v": " the image generation is"}'), false],
    ['a delta with an underscore but no marker', event('{"v": "snake_case"}'), false],
    ['the quota event', event('{"type": "conversation_detail_metadata", "limits_progress": []}'), true],
    ['[DONE]', encode('data: [DONE]\n\n'), true],
    ['[DONE] with CRLF', encode('data: [DONE]\r\n\r\n'), true],
    ['the plan', event('{"type": "server_ste_metadata", "metadata": {"plan_type": "plus"}}'), true],
    ['an image turn marker', event('{"type": "message_marker", "metadata": {"turn_use_case": "image gen"}}'), true],
    ['an image task id', event('{"v": {"image_gen_task_id": "x"}}'), true],
    ['a refusal (bare)', event(JSON.stringify(refusal)), true],
    ['a refusal (v1 add)', event(JSON.stringify({ p: '', o: 'add', v: refusal })), true],
    ['a cooldown', event(JSON.stringify(cooldown)), true],
    // The old test found "image gen" anywhere; a delta whose whole text is that token is no marker of an image turn.
    ['a delta whose text is "image gen" (no key beside it)', event('{"v": "image gen"}'), false],
  ])('%s → %s', (_name, bytes, expected) => expect(isTurnEventWanted(bytes)).toBe(expected));
});
