import { includes, indexOf, isArray, ownDataValue, regexExec, slice, toLowerCase } from './page-natives';

/**
 * Signals that the image quota ran out inside a turn (protocol.md section 3). They arrive with
 * HTTP 200 as tool messages; only the numbers we derive leave the page, never the text.
 * - system_error ChatGPTAgentToolRateLimitException: exhausted now. The same exception is used
 *   for other tools (python), so it is the image quota only when its text names the image tool
 *   or the turn is an image turn. Its text may state when the limit resets, in the page's language.
 * - "You're generating images too quickly ... wait for an hour": a cooldown of about an hour.
 * The tool's author.name is obfuscated and changes, so it is never used.
 */

export const RATE_LIMIT_EXCEPTION = 'ChatGPTAgentToolRateLimitException';
export const COOLDOWN_PHRASE = 'generating images too quickly';
export const COOLDOWN_MS = 60 * 60 * 1000;

const MINUTE = 60_000;
/** By unit, without an English plural's "s" (the span's parts are read with PART below). */
const UNIT_MS: Record<string, number> = {
  day: 24 * 60 * MINUTE,
  hour: 60 * MINUTE,
  minute: MINUTE,
  天: 24 * 60 * MINUTE,
  小时: 60 * MINUTE,
  分钟: MINUTE,
  分: MINUTE,
};

const ENGLISH_SPAN = /resets? in ((?:\d+\s*(?:days?|hours?|minutes?)(?:,?\s*(?:and\s*)?)?)+)/i;
/**
 * The Chinese span ends where 后重置 ("then resets") begins. Unanchored, a regex would try every
 * start in the text and rescan each run of "1天" (quadratic: 64 K characters took 4-5 s on the
 * page's main thread); so the marker is found by indexOf and the span read, anchored at its end,
 * from at most CHINESE_SPAN_CHARS before it.
 */
const CHINESE_MARKER = '后重置';
const CHINESE_SPAN = /((?:\d+\s*(?:天|小时|分钟|分)\s*)+)$/;
export const CHINESE_SPAN_CHARS = 1024;
const PART = /(\d+)\s*(day|hour|minute|天|小时|分钟|分)s?/gi;

function chineseSpan(text: string): string | undefined {
  const at = indexOf(text, CHINESE_MARKER);
  return at === -1 ? undefined : regexExec(CHINESE_SPAN, slice(text, at > CHINESE_SPAN_CHARS ? at - CHINESE_SPAN_CHARS : 0, at))?.[1];
}

/** The reset delay a refusal text states ("resets in 14 hours and 2 minutes", "10小时 后重置"), or null. */
export function resetDelayFromText(text: string): number | null {
  const span = regexExec(ENGLISH_SPAN, text)?.[1] ?? chineseSpan(text);
  if (span === undefined) return null;
  let total = 0;
  PART.lastIndex = 0;
  for (let part = regexExec(PART, span); part !== null; part = regexExec(PART, span)) {
    // Unary plus, not Number(): the global is the page's to replace.
    total += +part[1]! * ((ownDataValue(UNIT_MS, toLowerCase(part[2] ?? '')) as number | undefined) ?? 0);
  }
  return total > 0 ? total : null;
}

interface ToolMessage {
  content?: { content_type?: unknown; name?: unknown; text?: unknown; parts?: unknown };
  metadata?: { is_error?: unknown; async_task_type?: unknown };
}

/**
 * The message of an SSE event: bare `{message}` or a v1 delta `{"o":"add","v":{"message"}}`.
 * `value` comes from jsonValueOf: its objects have no prototype, so a missing field reads as undefined.
 */
export function messageOfEvent(value: unknown): ToolMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as { message?: unknown; v?: unknown };
  const message =
    record.message ?? (typeof record.v === 'object' && record.v !== null ? (record.v as { message?: unknown }).message : undefined);
  return typeof message === 'object' && message !== null ? (message as ToolMessage) : null;
}

type TurnRefusal = { kind: 'refusal'; resetsInMs: number | null } | { kind: 'cooldown'; cooldownMs: number };

function textOf(message: ToolMessage): string {
  const { content } = message;
  if (typeof content?.text === 'string') return content.text;
  const parts = content?.parts;
  if (!isArray(parts)) return '';
  let text: string | null = null;
  for (let index = 0; index < parts.length; index++) {
    const part: unknown = parts[index];
    if (typeof part === 'string') text = text === null ? part : `${text}\n${part}`;
  }
  return text ?? '';
}

/** Reads a refusal from a tool message; `imageTurn` says whether the turn already showed itself as an image turn. */
export function refusalOfMessage(message: ToolMessage, imageTurn: boolean): TurnRefusal | null {
  const text = textOf(message);
  if (message.content?.content_type === 'system_error' && message.content.name === RATE_LIMIT_EXCEPTION) {
    const namesImageTool = includes(text, 'image_gen') || includes(text, 'text2im');
    return namesImageTool || imageTurn ? { kind: 'refusal', resetsInMs: resetDelayFromText(text) } : null;
  }
  if (message.metadata?.is_error === true && includes(text, COOLDOWN_PHRASE)) return { kind: 'cooldown', cooldownMs: COOLDOWN_MS };
  return null;
}

/** Cheap pre-test on raw event data before any JSON.parse. */
export function mayHoldRefusal(data: string): boolean {
  return includes(data, RATE_LIMIT_EXCEPTION) || includes(data, COOLDOWN_PHRASE);
}

/** Markers of an image turn seen in its events (turn_use_case, image task ids, async task type). */
const IMAGE_TURN_MARKERS = ['"image gen"', 'image_gen_task_id', '"async_task_type":"image_gen"', '"async_task_type": "image_gen"'] as const;

export function marksImageTurn(data: string): boolean {
  for (let index = 0; index < IMAGE_TURN_MARKERS.length; index++) if (includes(data, IMAGE_TURN_MARKERS[index]!)) return true;
  return false;
}
