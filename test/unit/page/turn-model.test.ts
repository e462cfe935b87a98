import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageFinding } from '../../../lib/page/page-message';
import { opaqueKeyOf, TURN_KEY_PATTERN } from '../../../lib/page/account-key';
import { createSseScanner } from '../../../lib/page/sse-scanner';
import { createTurnEventReader } from '../../../lib/page/turn-events';
import { isTurnEventWanted } from '../../../lib/page/turn-markers';
import { MAX_MODEL_SLUG, steMetadataOf, turnModelOf as modelOfMetadata } from '../../../lib/page/turn-model';
import { createTurnFrameReader } from '../../../lib/page/websocket-frames';
import { fixtureText } from '../fixtures';

/**
 * Which model answered a turn (protocol.md section 4, "Which model answered"), read from the
 * captured Plus turn's server_ste_metadata and from assistant messages shaped like its own: one
 * finding per turn, only the slug, the auto flag and an opaque key of the turn leave the page.
 */

const PLUS_TURN = fixtureText('real', 'stream_image_gen_turn_plus_2026-04.sse.txt');
/** The captured server_ste_metadata event, as the base of the variants below. */
const STE = JSON.parse(
  PLUS_TURN.split('\n')
    .find((line) => line.includes('"server_ste_metadata"'))!
    .slice('data: '.length),
) as { type: string; metadata: Record<string, unknown>; conversation_id: string };
const CAPTURED_EXCHANGE = STE.metadata.turn_exchange_id as string;
const CONVERSATION = STE.conversation_id;

const ste = (metadata: Record<string, unknown>) => ({ ...STE, metadata: { ...STE.metadata, ...metadata } });
/** An assistant message as the captured turn adds it (a v1 delta at the root), with model fields. */
const assistantAdd = (metadata: Record<string, unknown>, role = 'assistant') => ({
  p: '',
  o: 'add',
  v: {
    message: {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      author: { role, name: null, metadata: {} },
      content: { content_type: 'text', parts: ['Secret answer text'] },
      metadata: { parent_id: 'p', turn_exchange_id: 'exchange-2', ...metadata },
    },
    conversation_id: CONVERSATION,
  },
});
/** The model an event names, as the turn reader reads it. */
const turnModelOf = (event: unknown) => modelOfMetadata(steMetadataOf(event));
const sse = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

function findingsOfBodies(...bodies: string[]): PageFinding[] {
  const findings: PageFinding[] = [];
  for (const body of bodies) {
    const read = createTurnEventReader('stream', (finding) => findings.push(finding));
    const scanner = createSseScanner((data) => (data === '[DONE]' ? undefined : read(data)));
    scanner.pushText(body);
    scanner.end();
  }
  return findings.filter((finding) => finding.kind === 'turn-model');
}

describe('the slug: lower-cased and bounded in the page, its characters checked by the background', () => {
  const modelOf = (raw: unknown) => turnModelOf(ste({ model_slug: raw }))?.model ?? null;

  it.each([
    ['gpt-5-3', 'gpt-5-3'],
    ['GPT-5-Thinking', 'gpt-5-thinking'],
    ['o3-pro', 'o3-pro'],
    ['x'.repeat(MAX_MODEL_SLUG), 'x'.repeat(MAX_MODEL_SLUG)],
    // Passed on as a string, and dropped by the background's schema (test/unit/background/background-counted.test.ts).
    ['<img src=x>', '<img src=x>'],
  ])('%s reads as %s', (raw, slug) => expect(modelOf(raw)).toBe(slug));

  it.each([
    ['too long', 'x'.repeat(MAX_MODEL_SLUG + 1)],
    ['not a string', 5],
    ['null', null],
    ['an object', { toString: () => 'gpt-5' }],
  ])('%s is no model', (_name, raw) => expect(modelOf(raw)).toBeNull());

  it('whatever the input, what leaves the page is a lower-case string of at most 64 characters, or nothing', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const slug = modelOf(raw);
        return slug === null || (typeof slug === 'string' && slug.length <= MAX_MODEL_SLUG && slug === slug.toLowerCase());
      }),
    );
  });
});

describe('turnModelOf: the events that name the model', () => {
  it("the captured server_ste_metadata names gpt-5-3, not switched by auto, keyed by the turn's exchange", () => {
    expect(turnModelOf(STE)).toEqual({ model: 'gpt-5-3', auto: false, turn: opaqueKeyOf('turn-', CAPTURED_EXCHANGE) });
  });

  it('a turn "auto" switched to reasoning says so', () => {
    expect(turnModelOf(ste({ model_slug: 'gpt-5-thinking', did_auto_switch_to_reasoning: true }))).toMatchObject({
      model: 'gpt-5-thinking',
      auto: true,
    });
  });

  it('an assistant message names no model read here (the captured ones carry none): only server_ste_metadata counts', () => {
    expect(turnModelOf(assistantAdd({ model_slug: 'gpt-5', resolved_model_slug: 'gpt-5-mini' }))).toBeNull();
    expect(turnModelOf({ type: 'message_marker', metadata: { model_slug: 'gpt-5' } })).toBeNull();
  });

  it('without an exchange id, no key: such a turn is counted each time it is read', () => {
    expect(turnModelOf(ste({ turn_exchange_id: undefined }))?.turn).toBeNull();
    expect(turnModelOf(ste({ turn_exchange_id: '' }))?.turn).toBeNull();
  });

  it('the turn key matches the channel pattern and holds no id', () => {
    const key = turnModelOf(STE)?.turn ?? '';
    expect(key).toMatch(TURN_KEY_PATTERN);
    expect(key).not.toContain(CAPTURED_EXCHANGE.slice(0, 8));
  });
});

describe('one count per turn (protocol.md section 4)', () => {
  it('the captured turn gives one model finding, and nothing of its text, title or ids', () => {
    const findings = findingsOfBodies(PLUS_TURN);
    expect(findings).toEqual([
      { kind: 'turn-model', carrier: 'stream', model: 'gpt-5-3', auto: false, turn: opaqueKeyOf('turn-', CAPTURED_EXCHANGE) },
    ]);
    const sent = JSON.stringify(findings);
    for (const secret of ['Synthetic', CONVERSATION, CAPTURED_EXCHANGE, 'FAKE-resume']) expect(sent).not.toContain(secret);
  });

  it("an assistant message names nothing; a turn's server_ste_metadata read twice gives one key, counted once by the background", () => {
    const body =
      sse(assistantAdd({ model_slug: 'gpt-5' })) + sse(ste({ model_slug: 'gpt-5-thinking' })) + sse(ste({ model_slug: 'gpt-5-thinking' }));
    const findings = findingsOfBodies(body);
    expect(findings.map((finding) => finding.kind === 'turn-model' && finding.model)).toEqual(['gpt-5-thinking', 'gpt-5-thinking']);
    expect(new Set(findings.map((finding) => finding.kind === 'turn-model' && finding.turn)).size).toBe(1);
  });

  it('a turn handed off and resumed gives the same key on both roads, so the background counts it once', () => {
    const handoff = fixtureText('synthetic', 'stream_handoff.sse.txt');
    const first = sse(ste({})) + handoff;
    const resumed = sse(ste({})) + sse({ type: 'message_stream_complete' });
    const [a, b] = findingsOfBodies(first, resumed);
    expect(a?.kind === 'turn-model' && b?.kind === 'turn-model' && a.turn === b.turn && a.turn !== null).toBe(true);
  });

  it('a regenerated answer is a new exchange: a new key', () => {
    const [a, b] = findingsOfBodies(sse(ste({})), sse(ste({ turn_exchange_id: 'regenerated-exchange' })));
    expect(a?.kind === 'turn-model' && b?.kind === 'turn-model' && a.turn !== b.turn).toBe(true);
  });

  it('a replayed WebSocket frame is not read again', () => {
    const findings: PageFinding[] = [];
    const read = createTurnFrameReader((finding) => findings.push(finding));
    const frame = JSON.stringify({
      type: 'message',
      payload: { type: 'conversation-turn-stream', payload: { turn_id: 't1', stream_item_id: 's1', encoded_item: sse(ste({})) } },
    });
    read(frame);
    read(frame);
    expect(findings.filter((finding) => finding.kind === 'turn-model')).toHaveLength(1);
  });

  it('the marker scanner decodes server_ste_metadata and still skips text deltas', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(isTurnEventWanted(bytes(sse(STE)))).toBe(true);
    expect(isTurnEventWanted(bytes(sse({ v: ' and some more words of the answer' })))).toBe(false);
  });
});
