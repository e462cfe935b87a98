import { describe, expect, it } from 'vitest';
import type { PageFinding } from '../../../lib/page/page-message';
import { createTurnFrameReader, turnFrameOf } from '../../../lib/page/websocket-frames';
import { fixtureJson, fixtureText } from '../fixtures';

/**
 * Turns moved to the WebSocket: each JSON frame carries SSE text in payload.payload.encoded_item,
 * and a replay repeats a stream_item_id (protocol.md section 1). Driven with the synthetic frames.
 */

const FRAMES = fixtureText('synthetic', 'websocket_turn_frames.jsonl')
  .split('\n')
  .filter((line) => line.trim() !== '');
const REFUSAL = fixtureJson('synthetic', 'tool_image_quota_refusal_en.json') as { message: { content: Record<string, unknown> } };

function findingsOf(frames: string[]): PageFinding[] {
  const findings: PageFinding[] = [];
  const read = createTurnFrameReader((finding) => findings.push(finding));
  for (const frame of frames) read(frame);
  return findings;
}

/** A frame like the captured ones, for another turn or item. */
function frame(turn: string, itemId: string | null, item: string): string {
  const inner: Record<string, unknown> = { type: 'stream-item', conversation_id: 'c0ffee00', turn_id: turn, encoded_item: item };
  if (itemId !== null) inner.stream_item_id = itemId;
  return JSON.stringify({
    type: 'message',
    topic_id: `conversation-turn-${turn}`,
    payload: { type: 'conversation-turn-stream', payload: inner },
  });
}

const sse = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
const cdm = (remaining: number) => ({
  type: 'conversation_detail_metadata',
  blocked_features: [],
  limits_progress: [{ feature_name: 'image_gen', remaining, reset_after: '2026-07-25T09:00:00Z' }],
});
const IMAGE_MARKER = { type: 'message_marker', metadata: { turn_use_case: 'image gen' } };
const pythonRefusal = {
  p: '',
  o: 'add',
  v: {
    message: {
      ...REFUSAL.message,
      content: { ...REFUSAL.message.content, text: 'unable to invoke the python_user_visible.exec tool right now' },
    },
  },
};

const remainingOf = (finding: PageFinding | undefined) =>
  finding?.kind === 'quota'
    ? (finding.quota.limits_progress as { feature_name: string; remaining: number }[]).map((item) => item.remaining)
    : null;

describe('the captured turn frames', () => {
  it('hold the replayed item s3 twice', () => {
    const ids = FRAMES.map((line) => turnFrameOf(line)?.itemId ?? null);
    expect(ids).toEqual(['s1', 's2', 's3', 's3', 's4', null]);
  });

  it('give exactly one quota finding: the replay counts once', () => {
    const findings = findingsOf(FRAMES);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'quota', carrier: 'websocket' });
    expect(remainingOf(findings[0])).toEqual([22, 120, 80]);
  });

  it('the quota finding holds quota fields only (no conversation id)', () => {
    expect(JSON.stringify(findingsOf(FRAMES))).not.toContain('c0ffee00');
  });

  it('read twice by the same socket reader, still one finding', () => {
    expect(findingsOf([...FRAMES, ...FRAMES])).toHaveLength(1);
  });
});

describe('frames of several turns on one socket', () => {
  it('each turn is its own: an image marker in one does not make another an image turn', () => {
    const findings = findingsOf([
      frame('t1', 'a1', sse(IMAGE_MARKER)),
      frame('t2', 'b1', sse(pythonRefusal)),
      frame('t1', 'a2', sse(pythonRefusal)),
    ]);
    expect(findings).toEqual([{ kind: 'refusal', carrier: 'websocket', feature: 'image_gen', resetsInMs: null }]);
  });

  it('interleaved turns each give their own quota object', () => {
    const findings = findingsOf([frame('t1', 'a1', sse(cdm(50))), frame('t2', 'b1', sse(cdm(49))), frame('t1', 'a1', sse(cdm(50)))]);
    expect(findings.map(remainingOf)).toEqual([[50], [49]]);
  });

  it('a later turn that numbers its items the same way is not taken for a replay', () => {
    const findings = findingsOf([frame('t1', 's3', sse(cdm(50))), frame('t2', 's3', sse(cdm(49))), frame('t2', 's3', sse(cdm(49)))]);
    expect(findings.map(remainingOf)).toEqual([[50], [49]]);
  });

  it('items without an id are all read', () => {
    expect(findingsOf([frame('t1', null, sse(cdm(50))), frame('t1', null, sse(cdm(49)))]).map(remainingOf)).toEqual([[50], [49]]);
  });

  it('one refusal per turn, even across frames', () => {
    const refusal = sse({ p: '', o: 'add', v: REFUSAL });
    const findings = findingsOf([frame('t1', 'a1', refusal), frame('t1', 'a2', refusal), frame('t2', 'b1', refusal)]);
    expect(findings.map((finding) => finding.kind)).toEqual(['refusal', 'refusal']);
  });

  it('memory stays bounded: a socket that sends many items still reads new ones', () => {
    const many = Array.from({ length: 1000 }, (_, index) => frame(`t${index % 20}`, `i${index}`, 'data: {"type":"message_marker"}\n\n'));
    expect(findingsOf([...many, frame('t-last', 'i-last', sse(cdm(7)))]).map(remainingOf)).toEqual([[7]]);
  });
});

describe('what a frame is', () => {
  it.each([
    ['a captured frame', FRAMES[2], { itemId: 's3', turn: 't1' }],
    [
      'a frame without turn_id: the conversation stands for it',
      JSON.stringify({ payload: { payload: { conversation_id: 'c1', encoded_item: 'x' } } }),
      { itemId: null, turn: 'c1' },
    ],
    [
      'a frame with neither',
      JSON.stringify({ payload: { payload: { encoded_item: 'x', stream_item_id: 7 } } }),
      { itemId: null, turn: '' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(turnFrameOf(text ?? '')).toMatchObject(expected);
  });

  it.each([
    ['the closing "done" frame', FRAMES[5]],
    ['not JSON', '{"payload":'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['encoded_item not a string', JSON.stringify({ payload: { payload: { encoded_item: { data: 1 } } } })],
    ['no inner payload', JSON.stringify({ payload: { encoded_item: 'data: x\n\n' } })],
  ])('%s is not a turn frame, and reading it reports nothing', (_name, text) => {
    expect(turnFrameOf(text ?? '')).toBeNull();
    expect(findingsOf([text ?? ''])).toEqual([]);
  });
});
