import type { PageFinding } from './page-message';
import { createTurnFrameReader } from './websocket-frames';
import { isChatgptSocketUrl } from './quota-endpoints';

/**
 * Turns the server moves to wss://ws.chatgpt.com deliver SSE text inside JSON frames
 * (`payload.payload.encoded_item`); a replay repeats a `stream_item_id` (protocol.md section 1).
 * The page's sockets are observed, never changed: the constructor is proxied only to add one
 * message listener to each new chatgpt socket; frames are not wrapped, reordered or delayed
 * (the listener does a substring test and defers any parsing to a later task).
 */

/** The scopes whose WebSocket this module wrapped: the mark stays here, never on an object the page sees. */
const installed = new WeakSet<object>();
/** Frames worth parsing; the SSE text inside is JSON-escaped, so the markers are bare words. */
const INTERESTING =
  /conversation_detail_metadata|ChatGPTAgentToolRateLimitException|generating images too quickly|server_ste_metadata|image_gen|image gen/;
const MAX_FRAME_CHARS = 512 * 1024;

interface WebSocketObserverOptions {
  scope: { WebSocket: typeof WebSocket; setTimeout: typeof setTimeout };
  report: (finding: PageFinding, account: string | null) => void;
  /** The page's account key at the time a frame is read. */
  account: () => string | null;
}

function watchSocket(socket: WebSocket, options: WebSocketObserverOptions, isActive: () => boolean): void {
  const read = createTurnFrameReader((finding) => options.report(finding, options.account()));
  socket.addEventListener('message', (event: MessageEvent) => {
    const { data } = event;
    // After the undo, sockets made before it stop reporting too.
    if (!isActive() || typeof data !== 'string' || data.length > MAX_FRAME_CHARS || !INTERESTING.test(data)) return;
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
  const { apply, construct, get } = Reflect;
  const nativeToString = Function.prototype.toString;
  // String(WebSocket) would show a Proxy's "function () { [native code] }": it gives the native text.
  const toString = {
    toString(this: unknown) {
      return apply(nativeToString, this === Observed ? Original : this, []);
    },
  }.toString;
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
    get(target, key, receiver) {
      if (key === 'toString') return toString;
      return get(target, key, receiver) as unknown;
    },
  });
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
    installed.delete(scope);
  };
}
