/**
 * What the replica answers to one request: scenario data, not code. A scenario lists answers per
 * endpoint, in the order the page will ask; the server takes them from the front of each queue.
 */

/** The endpoints the replica's page calls (protocol.md sections 1 and 5). */
export const ENDPOINT_PATHS = {
  init: '/backend-api/conversation/init',
  conversation: '/backend-api/f/conversation',
  resume: '/backend-api/f/conversation/resume',
  models: '/backend-api/models',
  /** Codex's usage windows, asked by chatgpt.com's Codex pages (its usage settings), never on a chat page's load. */
  codexUsage: '/backend-api/wham/usage',
  /** The saved memories, asked by chatgpt.com's memory settings: the body says how full memory is. */
  memories: '/backend-api/memories',
  /** The replica's WebSocket (wss://ws.chatgpt.com/ws), as turns moved to WebSocket use (protocol.md section 1). */
  websocket: '/ws',
} as const;

export type Endpoint = keyof typeof ENDPOINT_PATHS;

export type Answer =
  /** A JSON body (the init response is the quota object itself). */
  | { kind: 'json'; status?: number; body: unknown }
  /** Any other body: error pages, truncated JSON, bytes that are not text. */
  | { kind: 'raw'; status: number; contentType: string; body: string | Uint8Array }
  /**
   * An SSE body, written in chunks that end at odd byte boundaries (inside lines, inside
   * multi-byte characters), `gapMs` apart after `firstChunkAfterMs`; `cutAfterBytes` drops the
   * connection after that many bytes, as a network failure would.
   */
  | { kind: 'stream'; body: string | Uint8Array; gapMs?: number; firstChunkAfterMs?: number; cutAfterBytes?: number }
  /** For the WebSocket endpoint: text frames sent in this order after the upgrade, then a clean close. */
  | { kind: 'frames'; frames: string[] };

export type Answers = Partial<Record<Endpoint, Answer[]>>;

export function json(body: unknown, status = 200): Answer {
  return { kind: 'json', status, body };
}

export function stream(
  body: string | Uint8Array,
  options: { gapMs?: number; firstChunkAfterMs?: number; cutAfterBytes?: number } = {},
): Answer {
  return { kind: 'stream', body, ...options };
}

export function raw(status: number, contentType: string, body: string | Uint8Array): Answer {
  return { kind: 'raw', status, contentType, body };
}

export function frames(list: string[]): Answer {
  return { kind: 'frames', frames: list };
}
