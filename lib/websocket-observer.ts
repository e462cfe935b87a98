import type { PageFinding } from './page-channel';
import { createSseScanner } from './sse-scanner';
import { createTurnEventReader } from './turn-events';

/**
 * Turns the server moves to wss://ws.chatgpt.com deliver SSE text inside JSON frames
 * (`payload.payload.encoded_item`); a replay repeats a `stream_item_id` (protocol.md section 1).
 * The page's sockets are observed, never changed: the constructor is proxied only to add one
 * message listener to each new chatgpt socket; frames are not wrapped, reordered or delayed
 * (the listener does a substring test and defers any parsing to a later task).
 */

const INSTALLED = Symbol.for('quota-meter.websocket-observer');
/** Frames worth parsing; the SSE text inside is JSON-escaped, so the markers are bare words. */
const INTERESTING = /conversation_detail_metadata|ChatGPTAgentToolRateLimitException|generating images too quickly|server_ste_metadata|image_gen|image gen/;
const MAX_FRAME_CHARS = 512 * 1024;
/** Replays repeat recent items; remembering the last few hundred ids per socket is enough. */
const MAX_REMEMBERED_ITEMS = 256;
const MAX_TURNS_PER_SOCKET = 8;

export interface WebSocketObserverOptions {
  scope: { WebSocket: typeof WebSocket; setTimeout: typeof setTimeout };
  report: (finding: PageFinding, account: string | null) => void;
  /** The page's account key at the time a frame is read. */
  account: () => string | null;
}

export function isChatgptSocketUrl(url: unknown): boolean {
  try {
    const { protocol, hostname } = new URL(typeof url === 'string' ? url : url instanceof URL ? url.href : '');
    return protocol === 'wss:' && (hostname === 'chatgpt.com' || hostname.endsWith('.chatgpt.com') || hostname.endsWith('.openai.com'));
  } catch {
    return false;
  }
}

interface TurnFrame {
  item: string;
  itemId: string | null;
  turn: string;
}

export function turnFrameOf(text: string): TurnFrame | null {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return null;
  }
  const inner = (frame as { payload?: { payload?: Record<string, unknown> } } | null)?.payload?.payload;
  if (typeof inner?.encoded_item !== 'string') return null;
  const itemId = typeof inner.stream_item_id === 'string' ? inner.stream_item_id : null;
  const turn = typeof inner.turn_id === 'string' ? inner.turn_id : typeof inner.conversation_id === 'string' ? inner.conversation_id : '';
  return { item: inner.encoded_item, itemId, turn };
}

function watchSocket(socket: WebSocket, options: WebSocketObserverOptions): void {
  const seenItems: string[] = [];
  const turns = new Map<string, (data: string) => void>();

  function readerFor(turn: string): (data: string) => void {
    let reader = turns.get(turn);
    if (!reader) {
      if (turns.size >= MAX_TURNS_PER_SOCKET) turns.delete(turns.keys().next().value ?? '');
      reader = createTurnEventReader('websocket', (finding) => options.report(finding, options.account()));
      turns.set(turn, reader);
    }
    return reader;
  }

  function read(text: string): void {
    const frame = turnFrameOf(text);
    if (!frame) return;
    if (frame.itemId !== null) {
      if (seenItems.includes(frame.itemId)) return; // a replayed item is the same reading
      seenItems.push(frame.itemId);
      if (seenItems.length > MAX_REMEMBERED_ITEMS) seenItems.shift();
    }
    const scanner = createSseScanner(readerFor(frame.turn));
    scanner.pushText(frame.item);
    scanner.end();
  }

  socket.addEventListener('message', (event: MessageEvent) => {
    const { data } = event;
    if (typeof data !== 'string' || data.length > MAX_FRAME_CHARS || !INTERESTING.test(data)) return;
    options.scope.setTimeout(() => {
      try {
        read(data);
      } catch {
        // A frame we cannot read is skipped; the page's own handling is unaffected.
      }
    }, 0);
  });
}

/** Installs the observer once per scope; returns the undo. */
export function installWebSocketObserver(options: WebSocketObserverOptions): () => void {
  const { scope } = options;
  const Original = scope.WebSocket as typeof WebSocket & { [INSTALLED]?: true };
  if (typeof Original !== 'function' || Original[INSTALLED]) return () => undefined;
  const setTimeoutOf = scope.setTimeout.bind(scope);
  const bound = { ...options, scope: { WebSocket: Original, setTimeout: setTimeoutOf as typeof setTimeout } };
  let active = true;
  const Observed = new Proxy(Original, {
    construct(target, args: unknown[], newTarget) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket;
      try {
        if (active && isChatgptSocketUrl(args[0])) watchSocket(socket, bound);
      } catch {
        // Observation is best effort; the page's socket is already made and must not see our errors.
      }
      return socket;
    },
    get(target, key, receiver) {
      return key === INSTALLED ? true : Reflect.get(target, key, receiver);
    },
  });
  scope.WebSocket = Observed;
  return () => {
    active = false;
    if (scope.WebSocket === Observed) scope.WebSocket = Original;
  };
}
