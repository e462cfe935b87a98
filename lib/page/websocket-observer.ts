import type { PageFinding } from './page-message';
import { createTurnFrameReader } from './websocket-frames';
import { isChatgptSocketUrl } from './quota-endpoints';
import { showAsNative } from './native-text';
import { addListener, eventIsTrusted, includes, messageData } from './page-natives';

/**
 * Turns the server moves to wss://ws.chatgpt.com deliver SSE text inside JSON frames
 * (`payload.payload.encoded_item`); a replay repeats a `stream_item_id` (protocol.md section 1).
 * The page's sockets are observed, never changed: the constructor is proxied only to add one
 * message listener to each new chatgpt socket; frames are not wrapped, reordered or delayed
 * (the listener does a substring test and defers any parsing to a later task).
 *
 * Only what the server sent counts: the listener takes trusted events only (a page can dispatch
 * a MessageEvent it made on any socket), reads `isTrusted` and `data` through getters taken at
 * document_start, and is attached through the native addEventListener, so a page that hooks
 * EventTarget.prototype.addEventListener never gets hold of it.
 */

/** The scopes whose WebSocket this module wrapped: the mark stays here, never on an object the page sees. */
const installed = new WeakSet<object>();
/** Frames worth parsing hold one of these; the SSE text inside is JSON-escaped, so the markers are bare words. */
const INTERESTING = [
  'conversation_detail_metadata',
  'ChatGPTAgentToolRateLimitException',
  'generating images too quickly',
  'server_ste_metadata',
  'image_gen',
  'image gen',
];

function isInteresting(data: string): boolean {
  for (let index = 0; index < INTERESTING.length; index++) if (includes(data, INTERESTING[index]!)) return true;
  return false;
}
const MAX_FRAME_CHARS = 512 * 1024;

interface WebSocketObserverOptions {
  scope: { WebSocket: typeof WebSocket; setTimeout: typeof setTimeout };
  report: (finding: PageFinding, account: string | null) => void;
  /** The page's account key at the time a frame is read. */
  account: () => string | null;
  /** Whether the browser made the event; the native getter unless a test stands in for the browser. */
  isTrusted?: (event: object) => boolean;
}

function watchSocket(socket: WebSocket, options: WebSocketObserverOptions, isActive: () => boolean): void {
  const read = createTurnFrameReader((finding) => options.report(finding, options.account()));
  const isTrusted = options.isTrusted ?? eventIsTrusted;
  addListener(socket, 'message', (event: object) => {
    let data: unknown;
    try {
      // A page that calls our listener itself passes no Event at all: the getter throws, nothing is read.
      if (!isTrusted(event)) return;
      data = messageData(event);
    } catch {
      return;
    }
    // After the undo, sockets made before it stop reporting too.
    if (!isActive() || typeof data !== 'string' || data.length > MAX_FRAME_CHARS || !isInteresting(data)) return;
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
  const Original = scope.WebSocket;
  if (typeof Original !== 'function' || installed.has(scope)) return () => undefined;
  const setTimeoutOf = scope.setTimeout.bind(scope);
  const bound = { ...options, scope: { WebSocket: Original, setTimeout: setTimeoutOf as typeof setTimeout } };
  let active = true;
  // Taken now, before page code runs: a page that replaces them later must not break its sockets through ours.
  const { construct } = Reflect;
  const Observed: typeof WebSocket = new Proxy(Original, {
    construct(target, args: unknown[], newTarget) {
      const socket = construct(target, args, newTarget) as WebSocket;
      try {
        if (active && isChatgptSocketUrl(args[0])) watchSocket(socket, bound, () => active);
      } catch {
        // Observation is best effort; the page's socket is already made and must not see our errors.
      }
      return socket;
    },
  });
  // String(WebSocket) prints the native text (native-text.ts).
  const unshow = showAsNative(Observed, Original);
  // A socket's constructor (and WebSocket.prototype.constructor) is the WebSocket the page sees, as without us.
  const prototype = Original.prototype as unknown as { constructor: unknown } | undefined;
  const constructorSlot = prototype && Object.getOwnPropertyDescriptor(prototype, 'constructor');
  const setConstructor = (value: unknown) =>
    constructorSlot && Object.defineProperty(prototype, 'constructor', { ...constructorSlot, value });
  installed.add(scope);
  scope.WebSocket = Observed;
  setConstructor(Observed);
  return () => {
    active = false;
    if (scope.WebSocket === Observed) scope.WebSocket = Original;
    setConstructor(Original);
    unshow();
    installed.delete(scope);
  };
}
