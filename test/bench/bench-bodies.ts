import { captureAsOf } from '../e2e/scenarios/captures';

/**
 * What the bench server sends, built on the real captures so that the extension does its real
 * work: the Plus image turn of 2026-04 (5.3 KB as captured: the "5 KB stream") padded with text
 * deltas to the large size, and the Pro init object of 2026-09. Each reading carries an image_gen
 * count chosen by the caller, so the badge (which shows image_gen by default) tells when the
 * extension has taken that reading in.
 */

const TURN = 'stream_image_gen_turn_plus_2026-04.sse.txt';
const INIT = 'init_pro_without_type_2026-09.json';
const CDM_TYPE = '"conversation_detail_metadata"';

interface LimitProgress {
  feature_name: string;
  remaining: number;
}

/** The quota object with image_gen's remaining count replaced (the captures' other fields kept). */
function withImageGen(quotaJson: string, remaining: number): string {
  const quota = JSON.parse(quotaJson) as { limits_progress: LimitProgress[] };
  const imageGen = quota.limits_progress.find((limit) => limit.feature_name === 'image_gen');
  if (!imageGen) throw new Error('the capture has no image_gen limit');
  imageGen.remaining = remaining;
  return JSON.stringify(quota);
}

/** The real init response, read as taken now, with image_gen at `remaining`. */
export function initBody(remaining: number, now = Date.now()): string {
  return withImageGen(captureAsOf(INIT, now), remaining);
}

/**
 * An init response of about `bytes`: the real quota object plus one field of padding, the shape
 * of an unknown field the site might add. The extension reads at most MAX_INIT_BYTES of it.
 */
export function largeInitBody(bytes: number, remaining: number): Buffer {
  const quota = JSON.parse(initBody(remaining)) as Record<string, unknown>;
  const bare = JSON.stringify({ ...quota, bench_padding: '' });
  return Buffer.from(JSON.stringify({ ...quota, bench_padding: 'x'.repeat(Math.max(0, bytes - bare.length)) }));
}

/** Mixed ASCII and CJK text, as an assistant writes it: the scanner's decoder sees multi-byte characters. */
const PROSE =
  'The quick brown fox jumps over the lazy dog; 敏捷的棕色狐狸跳过了懒狗。 ' + 'Numbers 0123456789, quotes \\"so\\" and a new line\\n. ';

function prose(bytes: number): string {
  let text = PROSE.repeat(Math.ceil(bytes / Buffer.byteLength(PROSE)) + 1);
  // Cut by characters, then trim to the byte budget without splitting an escape (\\" or \\n).
  text = text.slice(0, bytes);
  while (Buffer.byteLength(text) > bytes || text.endsWith('\\')) text = text.slice(0, -1);
  return text;
}

export interface TurnStream {
  /** The events to write, each ending with its blank line. */
  events: Buffer[];
  bytes: number;
}

function eventsOf(sse: string): string[] {
  return sse
    .split('\n\n')
    .filter((event) => event.trim() !== '')
    .map((event) => `${event}\n\n`);
}

/**
 * The real turn with image_gen at `remaining` in its quota event; when `eventCount` exceeds the
 * real turn's events, text deltas (an "append" to parts/0, then bare {"v"} continuations, as
 * protocol.md section 4 shows) are added after the assistant message opens, to about `bytes`.
 */
export function turnStream(remaining: number, eventCount: number, bytes: number): TurnStream {
  const real = eventsOf(captureAsOf(TURN, Date.now())).map((event) => {
    if (!event.includes(CDM_TYPE)) return event;
    return `data: ${withImageGen(event.slice('data: '.length, -2), remaining)}\n\n`;
  });
  const fillerCount = Math.max(0, eventCount - real.length);
  const realBytes = real.reduce((sum, event) => sum + Buffer.byteLength(event), 0);
  const opened = real.findIndex((event) => event.includes('"o": "add"'));
  const frame = (value: string, first: boolean) =>
    first
      ? `event: delta\ndata: {"p": "/message/content/parts/0", "o": "append", "v": "${value}"}\n\n`
      : `event: delta\ndata: {"v": "${value}"}\n\n`;
  const perEvent = fillerCount === 0 ? 0 : Math.floor((bytes - realBytes) / fillerCount) - frame('', false).length;
  const text = prose(perEvent);
  const filler = Array.from({ length: fillerCount }, (_, index) => frame(text, index === 0));
  const events = [...real.slice(0, opened + 1), ...filler, ...real.slice(opened + 1)].map((event) => Buffer.from(event));
  return { events, bytes: events.reduce((sum, event) => sum + event.byteLength, 0) };
}
