import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageFinding } from '../../../lib/page/page-message';
import { installWebSocketObserver } from '../../../lib/page/websocket-observer';
import { isChatgptSocketUrl } from '../../../lib/page/quota-endpoints';
import { fixtureText } from '../fixtures';

/**
 * The WebSocket observer against a stand-in socket class (an EventTarget the test dispatches
 * MessageEvents on): the page must get its sockets and frames exactly as without us, and the
 * reading must happen later, outside the page's dispatch.
 */

const FRAMES = fixtureText('synthetic', 'websocket_turn_frames.jsonl')
  .split('\n')
  .filter((line) => line.trim() !== '');
const SOCKET_URL = 'wss://ws.chatgpt.com/ws/user/user-123?verify=1';

/** The page's WebSocket class: records which listeners were added, lets the test deliver frames. */
class FakeSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly url: string;
  readonly protocols: unknown;
  readonly listenerTypes: string[] = [];

  constructor(url: string | URL, protocols?: string | string[]) {
    super();
    this.url = String(url);
    this.protocols = protocols;
  }

  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: AddEventListenerOptions | boolean,
  ): void {
    this.listenerTypes.push(type);
    super.addEventListener(type, listener, options);
  }

  /** A frame from the server: the one kind of event the browser marks as trusted (serverEvents stands in for isTrusted). */
  receive(data: unknown): MessageEvent {
    const event = new MessageEvent('message', { data });
    serverEvents.add(event);
    this.dispatchEvent(event);
    return event;
  }
}

/** Node marks no dispatched event as trusted: the test says which ones the "browser" made. */
const serverEvents = new WeakSet<object>();
/** The message listeners really attached (through the native addEventListener, which the page's override never sees). */
const attached = (socket: FakeSocket) => getEventListeners(socket, 'message').length;

type Reported = { finding: PageFinding; account: string | null };
interface Scope {
  WebSocket: typeof WebSocket;
  setTimeout: typeof setTimeout;
}

let reports: Reported[];
let undo: (() => void) | null;
let timers: (() => void)[];

beforeEach(() => {
  reports = [];
  undo = null;
  timers = [];
});
afterEach(() => undo?.());

/** A scope whose setTimeout queues the callback, so the test decides when "later" is. */
function install(account: () => string | null = () => null): Scope {
  const scope: Scope = {
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    setTimeout: ((callback: () => void) => {
      timers.push(callback);
      return 0;
    }) as unknown as typeof setTimeout,
  };
  undo = installWebSocketObserver({
    scope,
    report: (finding, key) => reports.push({ finding, account: key }),
    account,
    isTrusted: (event) => serverEvents.has(event),
  });
  return scope;
}

function runTimers(): void {
  for (const timer of timers.splice(0)) timer();
}

function open(scope: Scope, url: string | URL = SOCKET_URL): FakeSocket {
  return new scope.WebSocket(url) as unknown as FakeSocket;
}

describe('which sockets are chatgpt turn sockets', () => {
  it.each([
    ['the turn socket host', 'wss://ws.chatgpt.com/ws/user/abc?verify=1', true],
    ['chatgpt.com itself', 'wss://chatgpt.com/backend-api/ws', true],
    ['a URL object', new URL('wss://ws.chatgpt.com/x'), true],
    ['plain ws:// (not wss)', 'ws://ws.chatgpt.com/ws', false],
    ['https://', 'https://chatgpt.com/', false],
    ['another host', 'wss://example.com/ws', false],
    ['a look-alike host', 'wss://chatgpt.com.evil.example/ws', false],
    ['another chatgpt.com subdomain', 'wss://files.chatgpt.com/ws', false],
    ['an openai.com host other than chat.openai.com', 'wss://realtime.openai.com/ws', false],
    ['chat.openai.com', 'wss://chat.openai.com/backend-api/ws', true],
    ['a host that only ends with the name', 'wss://notchatgpt.com/ws', false],
    ['garbage', 'not a url', false],
    ['an empty string', '', false],
    ['undefined', undefined, false],
    ['a number', 42, false],
    ['an object with a toString (never called)', { toString: () => 'wss://ws.chatgpt.com/' }, false],
  ])('%s', (_name, url, expected) => {
    expect(isChatgptSocketUrl(url)).toBe(expected);
  });
});

describe('what the page gets', () => {
  it('new still makes an instance of its own class, with the same prototype and url', () => {
    const scope = install();
    const socket = open(scope, SOCKET_URL);
    expect(scope.WebSocket).not.toBe(FakeSocket);
    expect(socket).toBeInstanceOf(FakeSocket);
    expect(socket instanceof scope.WebSocket).toBe(true);
    expect(Object.getPrototypeOf(socket)).toBe(FakeSocket.prototype);
    // As without the observer: a socket's constructor is the WebSocket the page sees.
    expect(socket.constructor).toBe(scope.WebSocket);
    expect(socket.url).toBe(SOCKET_URL);
  });

  it('the arguments reach the constructor as given', () => {
    const scope = install();
    const socket = new scope.WebSocket(SOCKET_URL, ['proto-a', 'proto-b']) as unknown as FakeSocket;
    expect(socket.protocols).toEqual(['proto-a', 'proto-b']);
  });

  it('static constants, name and prototype are the same', () => {
    const scope = install();
    for (const key of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED', 'name', 'prototype', 'length'] as const) {
      expect(scope.WebSocket[key]).toBe(FakeSocket[key]);
    }
  });

  it('a page class that extends the observed one still works, and is observed', () => {
    const scope = install();
    class PageSocket extends (scope.WebSocket as unknown as typeof FakeSocket) {}
    const socket = new PageSocket(SOCKET_URL);
    expect(socket).toBeInstanceOf(PageSocket);
    expect(socket).toBeInstanceOf(FakeSocket);
    socket.receive(FRAMES[2]);
    runTimers();
    expect(reports).toHaveLength(1);
  });

  it("the page's own listener gets every frame, the same event objects, in order", () => {
    const scope = install();
    const socket = open(scope);
    const seen: MessageEvent[] = [];
    socket.addEventListener('message', (event) => seen.push(event as MessageEvent));
    const binary = new Uint8Array([1, 2, 3]).buffer;
    const frames: unknown[] = [...FRAMES, binary, 'not json', FRAMES[2]];
    const sent = frames.map((data) => socket.receive(data));
    expect(seen).toEqual(sent);
    expect(seen.every((event, index) => event === sent[index] && event.data === frames[index])).toBe(true);
  });

  it('the reading happens later, never inside the dispatch of a frame', () => {
    const scope = install();
    const socket = open(scope);
    let reportsDuringDispatch = -1;
    socket.addEventListener('message', () => (reportsDuringDispatch = reports.length));
    socket.receive(FRAMES[2]);
    expect(reportsDuringDispatch).toBe(0);
    expect(reports).toEqual([]);
    expect(timers).toHaveLength(1);
    runTimers();
    expect(reports).toHaveLength(1);
  });

  it('an error while reading stays ours: the next frame is read', () => {
    const scope = install();
    undo?.();
    let calls = 0;
    undo = installWebSocketObserver({
      scope,
      report: () => {
        calls += 1;
        if (calls === 1) throw new Error('relay gone');
      },
      account: () => null,
      isTrusted: (event) => serverEvents.has(event),
    });
    const socket = open(scope);
    const frame = FRAMES[2] ?? '';
    socket.receive(frame);
    socket.receive(frame.replace(/"s3"/g, '"s9"'));
    expect(() => runTimers()).not.toThrow();
    expect(calls).toBe(2);
  });
});

describe('what is read', () => {
  it('the captured frames give one quota finding, with the account known at reading time', () => {
    let account: string | null = null;
    const scope = install(() => account);
    const socket = open(scope);
    for (const data of FRAMES) socket.receive(data);
    account = 'acct-0123456789abcdef';
    runTimers();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ finding: { kind: 'quota', carrier: 'websocket' }, account: 'acct-0123456789abcdef' });
  });

  it('binary frames and frames with nothing of interest are not even queued', () => {
    const scope = install();
    const socket = open(scope);
    socket.receive(new Uint8Array([123, 125]).buffer);
    socket.receive(new Blob(['conversation_detail_metadata']));
    socket.receive(FRAMES[0]);
    socket.receive(FRAMES[5]);
    expect(timers).toEqual([]);
  });

  it('two sockets are read apart: a replayed id on one is new on the other', () => {
    const scope = install();
    const first = open(scope);
    const second = open(scope);
    first.receive(FRAMES[2]);
    second.receive(FRAMES[2]);
    first.receive(FRAMES[3]);
    runTimers();
    expect(reports).toHaveLength(2);
  });
});

describe('installing and undoing', () => {
  it('a socket to another host, or plain ws://, gets no listener at all', () => {
    const scope = install();
    for (const url of ['wss://example.com/ws', 'ws://ws.chatgpt.com/ws', 'wss://chatgpt.com.evil.example/']) {
      const socket = open(scope, url);
      expect(attached(socket)).toBe(0);
      socket.receive(FRAMES[2]);
    }
    expect(timers).toEqual([]);
  });

  it("a chatgpt socket gets exactly one message listener, through the native addEventListener (the page's override never sees it)", () => {
    const socket = open(install());
    expect(attached(socket)).toBe(1);
    expect(socket.listenerTypes).toEqual([]);
  });

  it('installing twice wraps once: one listener, one report', () => {
    const scope = install();
    const wrapped = scope.WebSocket;
    const second = installWebSocketObserver({
      scope,
      report: (finding, account) => reports.push({ finding, account }),
      account: () => null,
      isTrusted: (event) => serverEvents.has(event),
    });
    expect(scope.WebSocket).toBe(wrapped);
    const socket = open(scope);
    expect(attached(socket)).toBe(1);
    socket.receive(FRAMES[2]);
    runTimers();
    expect(reports).toHaveLength(1);
    second();
    expect(scope.WebSocket).toBe(wrapped);
  });

  it('undo restores the original class; sockets made afterwards are not observed', () => {
    const scope = install();
    undo?.();
    undo = null;
    expect(scope.WebSocket).toBe(FakeSocket);
    const socket = open(scope);
    expect(attached(socket)).toBe(0);
  });

  it('a page that replaced WebSocket on top of ours keeps its class after our undo, and we stop observing', () => {
    const scope = install();
    const ours = scope.WebSocket;
    const pageClass = class extends (ours as unknown as typeof FakeSocket) {};
    scope.WebSocket = pageClass as unknown as typeof WebSocket;
    undo?.();
    undo = null;
    expect(scope.WebSocket).toBe(pageClass);
    expect(attached(open(scope))).toBe(0);
  });

  it('a scope without WebSocket is left alone', () => {
    const scope = { WebSocket: undefined as unknown as typeof WebSocket, setTimeout };
    const remove = installWebSocketObserver({ scope, report: () => undefined, account: () => null });
    expect(scope.WebSocket).toBeUndefined();
    remove();
    expect(scope.WebSocket).toBeUndefined();
  });
});
