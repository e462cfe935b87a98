import { FIXTURE_PLACEHOLDERS } from '../../unit/fixture-placeholders';
import { ASSISTANT_TEXT_MARKER, TITLE_MARKER } from '../replica/markers';
import { captureAsCaptured, syntheticCapture } from './captures';

/**
 * Chat-turn SSE bodies built on the real Plus image turn of 2026-04 (v1 delta encoding, typed
 * events, the quota event near the end, [DONE]). The turn's placeholder title is replaced by a marker, and
 * an assistant message with marker text is added in the shape protocol.md section 4 describes
 * (an "add", an "append" to parts/0, a bare {"v"} continuation, a "patch"), so that the privacy
 * spec has text and a title to look for. The quota event is the scenario's.
 */

const REAL_TURN = 'stream_image_gen_turn_plus_2026-04.sse.txt';
const PLACEHOLDER_TITLE = `"title": ${JSON.stringify(FIXTURE_PLACEHOLDERS.title)}`;

function eventsOf(sse: string): string[] {
  return sse.split('\n\n').filter((event) => event.trim() !== '');
}

function sse(events: string[]): string {
  return events.map((event) => `${event}\n\n`).join('');
}

const delta = (value: unknown) => `event: delta\ndata: ${JSON.stringify(value)}`;
const data = (value: unknown) => `data: ${JSON.stringify(value)}`;

/** The real turn's parts: its opening, its middle, and the events after the title. */
function realTurn(plan?: string) {
  const captured = captureAsCaptured(REAL_TURN);
  const events = eventsOf(plan === undefined ? captured : captured.replace('"plan_type": "plus"', `"plan_type": ${JSON.stringify(plan)}`));
  const titleAt = events.findIndex((event) => event.includes('"title_generation"'));
  const quotaAt = events.findIndex((event) => event.includes('"conversation_detail_metadata"'));
  const conversationId = /"conversation_id": "([^"]+)"/.exec(events[1] ?? '')?.[1] ?? 'conversation';
  // Fail loudly rather than send a turn whose title is no marker.
  if (!(events[titleAt] ?? '').includes(PLACEHOLDER_TITLE)) throw new Error(`${REAL_TURN} has no ${PLACEHOLDER_TITLE}`);
  const title = (events[titleAt] ?? '').replace(PLACEHOLDER_TITLE, `"title": ${JSON.stringify(TITLE_MARKER)}`);
  return {
    conversationId,
    opening: events.slice(0, titleAt),
    title,
    closing: events.slice(titleAt + 1, quotaAt),
  };
}

function markerHalves(): [string, string] {
  const characters = Array.from(ASSISTANT_TEXT_MARKER);
  const middle = Math.floor(characters.length / 2);
  return [characters.slice(0, middle).join(''), characters.slice(middle).join('')];
}

function assistantMessageStart(conversationId: string): string {
  return delta({
    p: '',
    o: 'add',
    v: {
      message: {
        id: 'replica-assistant-message',
        author: { role: 'assistant', name: null, metadata: {} },
        content: { content_type: 'text', parts: [''] },
        status: 'in_progress',
        metadata: {},
        recipient: 'all',
      },
      conversation_id: conversationId,
      error: null,
    },
    c: 2,
  });
}

const finish = delta({ p: '', o: 'patch', v: [{ p: '/message/status', o: 'replace', v: 'finished_successfully' }] });

/**
 * A whole turn; `quota` is the quota event's data (JSON text), or null for a turn without one.
 * `plan` replaces the real turn's plan_type (a Plus account's) when the quota event is another plan's.
 * `toolMessages` (`{message}` objects, as in fixtures tool_*.json) arrive as v1 delta "add" events
 * after the assistant's text, where a tool's answer sits in a real turn.
 */
export function turnStream(quota: string | null, plan?: string, toolMessages: readonly unknown[] = []): string {
  const turn = realTurn(plan);
  const [first, second] = markerHalves();
  return sse([
    ...turn.opening,
    assistantMessageStart(turn.conversationId),
    delta({ p: '/message/content/parts/0', o: 'append', v: first }),
    delta({ v: second }),
    finish,
    ...toolMessages.map((tool, index) =>
      delta({ p: '', o: 'add', v: { ...(tool as object), conversation_id: turn.conversationId, error: null }, c: 3 + index }),
    ),
    turn.title,
    ...turn.closing,
    ...(quota === null ? [] : [`data: ${quota}`]),
    'data: [DONE]',
  ]);
}

/**
 * A turn handed off mid-way (protocol.md section 1): the first stream ends with stream_handoff
 * (the event as in synthetic/stream_handoff.sse.txt), and the rest, quota event included,
 * comes from /f/conversation/resume.
 */
export function handedOffTurn(quota: string): { first: string; resumed: string } {
  const turn = realTurn();
  const [firstHalf, secondHalf] = markerHalves();
  const handoff = eventsOf(syntheticCapture('stream_handoff.sse.txt')).find((event) => event.includes('"stream_handoff"'));
  if (handoff === undefined) throw new Error('stream_handoff.sse.txt has no stream_handoff event');
  return {
    first: sse([
      ...turn.opening,
      assistantMessageStart(turn.conversationId),
      delta({ p: '/message/content/parts/0', o: 'append', v: firstHalf }),
      handoff.replaceAll('"conversation"', JSON.stringify(turn.conversationId)),
      'data: [DONE]',
    ]),
    resumed: sse([
      'event: delta_encoding\ndata: "v1"',
      delta({ p: '/message/content/parts/0', o: 'append', v: secondHalf }),
      finish,
      turn.title,
      ...turn.closing,
      `data: ${quota}`,
      'data: [DONE]',
    ]),
  };
}

/**
 * A turn whose events are broken in every way a reader can trip on: bytes that are not UTF-8,
 * a quota event cut short, quota-looking text that is not JSON, data that is not an object.
 */
export function garbageTurn(): Uint8Array {
  const encode = (text: string) => new TextEncoder().encode(text);
  const parts = [
    encode(sse(['event: delta_encoding\ndata: "v1"', delta({ p: '/message/content/parts/0', o: 'append', v: 'x' })])),
    encode('data: '),
    new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]),
    encode('\n\n'),
    encode(
      sse([
        'data: {"type":"conversation_detail_metadata","limits_progress":[{"feature_name":"image_gen","remaining":',
        'data: conversation_detail_metadata {{{ not json',
        data(12345),
        'data: null',
        data(['conversation_detail_metadata']),
        'data: [DONE]',
      ]),
    ),
  ];
  const bytes = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
