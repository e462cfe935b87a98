import { describe, expect, it } from 'vitest';
import type { PageCarrier, PageFinding } from '../../../lib/page/page-message';
import { createSseScanner } from '../../../lib/page/sse-scanner';
import { createTurnEventReader } from '../../../lib/page/turn-events';
import { COOLDOWN_MS, resetDelayFromText } from '../../../lib/page/turn-refusals';
import { fixtureJson, fixtureText } from '../fixtures';

/**
 * One chat turn's events, as the interceptor hands them over (the data of each SSE event), give
 * the quota findings of protocol.md section 3: a refusal of the image tool with the reset its text
 * states, a cooldown, the plan of server_ste_metadata. Driven with the captures.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type ToolEvent = { message: { author?: { name?: string }; content: Record<string, unknown>; metadata?: Record<string, unknown> } };

const REFUSAL = fixtureJson('synthetic', 'tool_image_quota_refusal_en.json') as ToolEvent;
const COOLDOWN = fixtureJson('real', 'tool_image_cooldown.json') as ToolEvent;
const PLUS_TURN = fixtureText('real', 'stream_image_gen_turn_plus_2026-04.sse.txt');

/** The same tool message with another text (the page's language, another tool). */
function refusalSaying(text: string): ToolEvent {
  return { message: { ...REFUSAL.message, content: { ...REFUSAL.message.content, text } } };
}

const PYTHON_REFUSAL = refusalSaying(
  'Before doing anything else, explicitly explain to the user that you were unable to invoke ' +
    'the python_user_visible.exec tool right now. ' +
    'DO NOT UNDER ANY CIRCUMSTANCES retry using this tool until the next user message.',
);

/** How a message reaches the page in a v1 stream: a delta that adds it at the root. */
const asDelta = (event: ToolEvent) => JSON.stringify({ p: '', o: 'add', v: event });
const asBare = (event: ToolEvent) => JSON.stringify(event);

/** Events that show the turn is an image turn, before any refusal. */
const IMAGE_MARKERS: [string, string][] = [
  ['turn_use_case "image gen"', JSON.stringify({ type: 'message_marker', metadata: { turn_use_case: 'image gen' } })],
  ['an image_gen_task_id', JSON.stringify({ p: '', o: 'add', v: { message: { metadata: { image_gen_task_id: 'task-1' } } } })],
  ['an async image task', JSON.stringify({ v: { message: { metadata: { async_task_type: 'image_gen' } } } })],
];

function findingsOf(events: string[], carrier: PageCarrier = 'stream'): PageFinding[] {
  const findings: PageFinding[] = [];
  const read = createTurnEventReader(carrier, (finding) => findings.push(finding));
  for (const data of events) read(data);
  return findings;
}

/** A whole SSE body through the scanner and one turn reader, as the fetch observer does. */
function findingsOfBody(body: string): PageFinding[] {
  const findings: PageFinding[] = [];
  const read = createTurnEventReader('stream', (finding) => findings.push(finding));
  const scanner = createSseScanner((data) => (data === '[DONE]' ? undefined : read(data)));
  scanner.pushText(body);
  scanner.end();
  return findings;
}

const refusal = (resetsInMs: number | null, carrier: PageCarrier = 'stream') => ({
  kind: 'refusal',
  carrier,
  feature: 'image_gen',
  resetsInMs,
});

describe('the reset delay a refusal states, in the page language', () => {
  it.each([
    ['the captured English refusal', REFUSAL.message.content.text as string, 14 * HOUR + 2 * MINUTE],
    ['Chinese, hours', '你已达到 Plus 套餐的图片生成上限。上限将在 10小时 后重置。', 10 * HOUR],
    ['Chinese, hours and minutes', '上限将在 2小时30分钟 后重置', 2 * HOUR + 30 * MINUTE],
    ['Chinese, a day and hours', '上限将在 1天 2小时 后重置', DAY + 2 * HOUR],
    ['English, minutes', 'You can create more images when the limit resets in 45 minutes.', 45 * MINUTE],
    ['English, a day and hours', 'You can create more images when the limit resets in 1 day, 3 hours.', DAY + 3 * HOUR],
    ['English, singular units with "and"', 'when the limit resets in 1 hour and 1 minute', HOUR + MINUTE],
    ['English, any case', 'The limit Resets In 2 Hours', 2 * HOUR],
  ])('%s', (_name, text, delay) => {
    expect(resetDelayFromText(text)).toBe(delay);
  });

  it.each([
    ['no time at all', "You've hit the Plus plan limit for image generations requests."],
    ['a number that is not a delay', 'You have made 40 images today.'],
    ['"resets" without a span', 'The limit resets soon.'],
    ['a zero delay', 'the limit resets in 0 minutes'],
    ['empty text', ''],
  ])('%s gives null, not "now"', (_name, text) => {
    expect(resetDelayFromText(text)).toBeNull();
  });
});

describe('a refusal of the image tool', () => {
  it.each([
    ['as a v1 delta {"p":"","o":"add","v":{...}}', asDelta(REFUSAL)],
    ['as a bare {message}', asBare(REFUSAL)],
  ])('the captured refusal %s resets in 14 h 2 min', (_name, data) => {
    expect(findingsOf([data])).toEqual([refusal(14 * HOUR + 2 * MINUTE)]);
  });

  it.each([
    ['Chinese: 10 hours', refusalSaying('无法调用 image_gen.text2im 工具。你已达到图片生成上限，上限将在 10小时 后重置。'), 10 * HOUR],
    ['Chinese: 2 h 30 min', refusalSaying('无法调用 image_gen.text2im 工具。上限将在 2小时30分钟 后重置'), 2 * HOUR + 30 * MINUTE],
    ['English: 45 minutes', refusalSaying('unable to invoke the image_gen.text2im tool. The limit resets in 45 minutes.'), 45 * MINUTE],
    [
      'English: 1 day, 3 hours',
      refusalSaying('unable to invoke the image_gen.text2im tool. The limit resets in 1 day, 3 hours.'),
      DAY + 3 * HOUR,
    ],
    ['no stated time', refusalSaying('unable to invoke the image_gen.text2im tool right now.'), null],
  ])('%s', (_name, event, delay) => {
    expect(findingsOf([asDelta(event)])).toEqual([refusal(delay)]);
  });

  it('keeps the carrier it came by', () => {
    expect(findingsOf([asBare(REFUSAL)], 'websocket')).toEqual([refusal(14 * HOUR + 2 * MINUTE, 'websocket')]);
    expect(findingsOf([asBare(REFUSAL)], 'resume')).toEqual([refusal(14 * HOUR + 2 * MINUTE, 'resume')]);
  });

  it('is reported once per turn, however many refusals or cooldowns follow', () => {
    const events = [asDelta(REFUSAL), asBare(REFUSAL), asDelta(refusalSaying('image_gen refused, resets in 3 hours')), asBare(COOLDOWN)];
    expect(findingsOf(events)).toEqual([refusal(14 * HOUR + 2 * MINUTE)]);
  });

  it('a new turn (a new reader) reports its own', () => {
    expect([...findingsOf([asBare(REFUSAL)]), ...findingsOf([asBare(REFUSAL)])]).toHaveLength(2);
  });
});

describe('the same exception for another tool', () => {
  it('the python tool is not an image refusal in a turn without image markers', () => {
    expect(findingsOf([asDelta(PYTHON_REFUSAL)])).toEqual([]);
    expect(findingsOf([asBare(PYTHON_REFUSAL)])).toEqual([]);
  });

  it.each(IMAGE_MARKERS)('is the image quota once the turn showed %s', (_name, marker) => {
    expect(findingsOf([marker, asDelta(PYTHON_REFUSAL)])).toEqual([refusal(null)]);
  });

  it('markers after the refusal come too late', () => {
    expect(findingsOf([asDelta(PYTHON_REFUSAL), IMAGE_MARKERS[0]![1]])).toEqual([]);
  });

  it('the captured Plus image turn (image_gen_task_id) makes a python refusal in it an image refusal', () => {
    const withRefusal = PLUS_TURN.replace('data: [DONE]', `data: ${asDelta(PYTHON_REFUSAL)}\n\ndata: [DONE]`);
    expect(withRefusal).not.toBe(PLUS_TURN);
    expect(findingsOfBody(withRefusal).filter((finding) => finding.kind === 'refusal')).toEqual([refusal(null)]);
  });

  it('another exception name is not a refusal', () => {
    const other: ToolEvent = {
      message: { ...REFUSAL.message, content: { ...REFUSAL.message.content, name: 'ChatGPTAgentToolTimeoutException' } },
    };
    expect(findingsOf([IMAGE_MARKERS[0]![1], asDelta(other)])).toEqual([]);
  });

  it('a text message that only quotes the exception name is not a refusal', () => {
    const quoted: ToolEvent = { message: { content: { content_type: 'text', parts: ['What is a ChatGPTAgentToolRateLimitException?'] } } };
    expect(findingsOf([IMAGE_MARKERS[0]![1], asDelta(quoted)])).toEqual([]);
  });
});

describe('the "generating images too quickly" cooldown', () => {
  it.each([
    ['bare', asBare(COOLDOWN)],
    ['as a delta', asDelta(COOLDOWN)],
  ])('the captured message (%s) is a cooldown of an hour', (_name, data) => {
    expect(COOLDOWN_MS).toBe(HOUR);
    expect(findingsOf([data])).toEqual([{ kind: 'cooldown', carrier: 'stream', feature: 'image_gen', cooldownMs: 3_600_000 }]);
  });

  it('without is_error it is only text', () => {
    const quoted: ToolEvent = { message: { ...COOLDOWN.message, metadata: {} } };
    expect(findingsOf([asBare(quoted)])).toEqual([]);
  });
});

describe('the tool author name is never used', () => {
  const renamed = (event: ToolEvent, author: ToolEvent['message']['author']): ToolEvent => ({ message: { ...event.message, author } });
  it.each([
    ['the refusal', REFUSAL],
    ['the cooldown', COOLDOWN],
    ['the python refusal', PYTHON_REFUSAL],
  ])('%s gives the same findings under any author', (_name, event) => {
    const expected = findingsOf([asDelta(event)]);
    for (const author of [{ name: 'dalle.text2im' }, { name: 'python' }, { name: 'zz9.other' }, {}, undefined]) {
      expect(findingsOf([asDelta(renamed(event, author))])).toEqual(expected);
    }
  });
});

describe('the plan and the quota object in a whole turn', () => {
  it('the captured Plus turn gives the plan "plus", the model that answered and its quota object, nothing else', () => {
    const findings = findingsOfBody(PLUS_TURN);
    expect(findings.map((finding) => finding.kind)).toEqual(['plan', 'turn-model', 'quota']);
    expect(findings[0]).toEqual({ kind: 'plan', carrier: 'stream', plan: 'plus' });
  });

  it.each([
    ['an empty plan', { type: 'server_ste_metadata', metadata: { plan_type: '' } }],
    ['a plan that is not a string', { type: 'server_ste_metadata', metadata: { plan_type: 3 } }],
    ['an absurdly long plan', { type: 'server_ste_metadata', metadata: { plan_type: 'p'.repeat(41) } }],
    ['another event type', { type: 'title_generation', metadata: { plan_type: 'plus' } }],
    ['no metadata', { type: 'server_ste_metadata', plan_type: 'plus' }],
  ])('%s gives no plan', (_name, event) => {
    expect(findingsOf([JSON.stringify(event)])).toEqual([]);
  });

  it('events that are not JSON never throw', () => {
    const broken = [
      '{"type":"server_ste_metadata","plan_type":',
      'ChatGPTAgentToolRateLimitException {',
      'conversation_detail_metadata',
      '',
    ];
    expect(findingsOf(broken)).toEqual([]);
  });
});
