import { handedOffTurn, turnStream } from './turn-streams';
import { websocketTurnFramesWith } from './websocket-turn';

/**
 * Turns answered by a chosen model (protocol.md section 4, "Which model answered"), built on the
 * real Plus turn: its server_ste_metadata names the model (`model_slug`, `did_auto_switch_to_reasoning`)
 * and the turn's exchange (`turn_exchange_id`), which is how a resumed or replayed turn is known
 * again. A regenerated answer is a new exchange.
 */

/** The real turn's model and exchange, as captured. */
const CAPTURED_MODEL = '"model_slug": "gpt-5-3"';
const CAPTURED_EXCHANGE = 'f71803cb-d1bc-427d-94ca-10fee4d49d56';
const CAPTURED_AUTO = '"did_auto_switch_to_reasoning": false';

export interface TurnModelSpec {
  model: string;
  /** The turn's exchange id: the same for a resumed or replayed turn, a new one for a regeneration. */
  exchange: string;
  auto?: boolean;
}

function withModel(sse: string, spec: TurnModelSpec): string {
  return sse
    .replace(CAPTURED_MODEL, `"model_slug": ${JSON.stringify(spec.model)}`)
    .replace(CAPTURED_AUTO, `"did_auto_switch_to_reasoning": ${String(spec.auto === true)}`)
    .replaceAll(CAPTURED_EXCHANGE, spec.exchange);
}

/** The turn's server_ste_metadata event (its `data:` line and blank line), with the spec's model. */
function steEvent(spec: TurnModelSpec): string {
  const line = turnStream(null)
    .split('\n')
    .find((entry) => entry.includes('"server_ste_metadata"'));
  if (line === undefined) throw new Error('the real turn has no server_ste_metadata');
  return withModel(`${line}\n\n`, spec);
}

/** A whole turn answered by `spec.model`, carrying `quota`. */
export function modelTurn(quota: string, spec: TurnModelSpec): string {
  return withModel(turnStream(quota), spec);
}

/**
 * A turn handed off to /f/conversation/resume that names its model on both roads: before the
 * hand-off and again in the resumed stream (which holds the turn's closing events). One turn.
 */
export function handedOffModelTurn(quota: string, spec: TurnModelSpec): { first: string; resumed: string } {
  const { first, resumed } = handedOffTurn(quota);
  const handoffAt = first.indexOf('data: {"type":"stream_handoff"');
  return { first: first.slice(0, handoffAt) + steEvent(spec) + first.slice(handoffAt), resumed: withModel(resumed, spec) };
}

/**
 * A turn over the WebSocket whose model item arrives twice (a replayed frame: the same
 * stream_item_id), before the quota item of synthetic/websocket_turn_frames.jsonl.
 */
export function websocketModelTurn(now: number, imagesLeft: number, resetAt: string, spec: TurnModelSpec): string[] {
  const frames = websocketTurnFramesWith(now, imagesLeft, resetAt);
  const template = JSON.parse(frames[0] ?? '{}') as { payload: { payload: Record<string, unknown> } };
  const modelFrame = JSON.stringify({
    ...template,
    payload: { ...template.payload, payload: { ...template.payload.payload, encoded_item: steEvent(spec), stream_item_id: 's0' } },
  });
  return [frames[0] ?? '', modelFrame, modelFrame, ...frames.slice(1)];
}
