import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageFinding } from '../../../lib/page/page-message';
import { installFetchObserver } from '../../../lib/page/fetch-observer';
import { installWebSocketObserver } from '../../../lib/page/websocket-observer';
import { fixtureText } from '../fixtures';
import { fakeFetch, jsonResponse, settle, sseResponse } from '../page/fake-fetch';

/**
 * Issue 23, findings 1 and 2, on the page side: a page script that patches the built-ins it
 * shares with the interceptor, plants getters on Object.prototype, dispatches MessageEvents it made
 * on a socket, or hooks EventTarget.prototype.addEventListener. Each test fails on the interceptor
 * of before the issue (calls counted, a 429 read as a model cap, forged frames reported).
 */

const BASE = 'https://chatgpt.com/';
const ACCOUNT_ID = 'd2c7a1e0-5b7f-4a8e-9c11-3f0e2b6a9d41';
const INIT_BODY = fixtureText('real', 'init_blocked_file_upload_model_limits_2026-09.json');
const TURN_BODY = fixtureText('real', 'stream_image_gen_turn_plus_2026-04.sse.txt');

type Reported = { finding: PageFinding; account: string | null };
let reports: Reported[];
let undo: (() => void) | null;
let restore: (() => void)[];

beforeEach(() => {
  reports = [];
  undo = null;
  restore = [];
});
afterEach(() => {
  undo?.();
  for (const put of restore.splice(0).reverse()) put();
});

/** Replaces `owner[name]` by a counting wrapper (as a page script would); calls made from lib/page/ are counted. */
function countCalls(owner: object, name: string, counts: Record<string, number>): void {
  const slot = Object.getOwnPropertyDescriptor(owner, name)!;
  const original = slot.value as (...args: unknown[]) => unknown;
  const label = `${(owner as { constructor?: { name?: string } }).constructor?.name ?? 'Object'}.${name}`;
  Object.defineProperty(owner, name, {
    ...slot,
    value: function (this: unknown, ...args: unknown[]) {
      // Only calls whose caller is the interceptor's code: vitest and Node call these too.
      if (/lib[\\/]page[\\/]/.test(new Error().stack?.split('\n')[2] ?? '')) counts[label] = (counts[label] ?? 0) + 1;
      return Reflect.apply(original, this, args);
    },
  });
  restore.push(() => Object.defineProperty(owner, name, slot));
}

/** A getter planted on Object.prototype: answers `value` and counts every read. */
function plantGetter(name: string, value: unknown, reads: string[]): void {
  Object.defineProperty(Object.prototype, name, {
    configurable: true,
    get() {
      reads.push(name);
      return value;
    },
  });
  restore.push(() => delete (Object.prototype as Record<string, unknown>)[name]);
}

function installWith(answer: (input: unknown) => Response) {
  const { fetch } = fakeFetch((input) => Promise.resolve(answer(input)));
  const scope = { fetch };
  undo = installFetchObserver({ scope, baseUrl: () => BASE, report: (finding, account) => reports.push({ finding, account }) });
  return scope;
}

describe('a page that patches the built-ins it shares with the interceptor', () => {
  it('String.prototype and Array.prototype methods, Object.keys: no call of ours among its own, on any fetch', async () => {
    const scope = installWith((input) =>
      (input instanceof Request ? input.url : String(input)).includes('init')
        ? jsonResponse(INIT_BODY)
        : jsonResponse('{"detail":"slow down"}', 429),
    );
    const counts: Record<string, number> = {};
    for (const name of ['includes', 'startsWith', 'endsWith', 'toLowerCase', 'indexOf', 'slice', 'trim'])
      countCalls(String.prototype, name, counts);
    for (const name of ['includes', 'find', 'push', 'some', 'map', 'filter', 'slice', 'indexOf']) countCalls(Array.prototype, name, counts);
    for (const name of ['keys', 'hasOwn']) countCalls(Object, name, counts);
    countCalls(Array, 'isArray', counts);
    const headers = { 'Chatgpt-Account-Id': ACCOUNT_ID };
    await scope.fetch('/backend-api/me');
    await scope.fetch('https://chatgpt.com/backend-api/conversation/init/', { method: 'POST', headers });
    await scope.fetch('/backend-api/f/conversation', { method: 'POST', headers: [['chatgpt-account-id', ACCOUNT_ID]] });
    await scope.fetch(new Request('https://chatgpt.com/backend-api/conversation/init', { headers }));
    await settle(10);
    expect(counts).toEqual({});
    // And the readings were still made: the patches changed nothing we read.
    expect(reports.map(({ finding }) => (finding.kind === 'ignored' ? finding.reason : finding.kind)).sort()).toEqual([
      'HTTP 429',
      'account',
      'quota',
      'quota',
    ]);
  });

  it('a turn stream and an account key: no call of the typed-array, decoder, string or BigInt methods the reading uses', async () => {
    const scope = installWith((input) =>
      String(input).includes('init') ? jsonResponse(INIT_BODY) : sseResponse(new TextEncoder().encode(TURN_BODY)),
    );
    const counts: Record<string, number> = {};
    const typedArrays = Object.getPrototypeOf(Uint8Array.prototype) as object;
    for (const name of ['indexOf', 'subarray', 'set', 'slice']) countCalls(typedArrays, name, counts);
    for (const name of ['charCodeAt', 'padStart', 'indexOf', 'slice', 'startsWith', 'endsWith']) countCalls(String.prototype, name, counts);
    for (const name of ['push', 'join', 'some']) countCalls(Array.prototype, name, counts);
    countCalls(TextDecoder.prototype, 'decode', counts);
    countCalls(BigInt.prototype, 'toString', counts);
    const reads: string[] = [];
    // The decoder's options are read by the browser: a getter here would see each decode.
    plantGetter('stream', false, reads);
    const headers = { 'chatgpt-account-id': ACCOUNT_ID };
    await scope.fetch('/backend-api/conversation/init', { headers });
    const turn = await scope.fetch('/backend-api/f/conversation', { method: 'POST', headers });
    await turn.text();
    await settle(20);
    expect(counts).toEqual({});
    expect(reads).toEqual([]);
    const kinds = reports.map(({ finding }) => finding.kind);
    expect(kinds.filter((kind) => kind === 'quota')).toHaveLength(2);
    expect(new Set(reports.filter(({ finding }) => finding.kind === 'quota').map(({ account }) => account)).size).toBe(1);
  });

  it("a turn's stream: its lines split, and which model answered read (slug checked, turn key hashed), with no page-patchable call", async () => {
    const scope = installWith(() => sseResponse(new TextEncoder().encode(TURN_BODY)));
    const counts: Record<string, number> = {};
    for (const name of ['includes', 'toLowerCase', 'charCodeAt', 'padStart', 'indexOf', 'slice', 'startsWith', 'endsWith'])
      countCalls(String.prototype, name, counts);
    for (const name of ['push', 'join']) countCalls(Array.prototype, name, counts);
    // RegExp.prototype is not patched here: the counting wrapper itself tests the stack with a regex.
    countCalls(BigInt.prototype, 'toString', counts);
    await scope.fetch('/backend-api/f/conversation', { method: 'POST', headers: { 'Chatgpt-Account-Id': ACCOUNT_ID } });
    await settle(20);
    expect(counts).toEqual({});
    const turn = reports.find(({ finding }) => finding.kind === 'turn-model')?.finding;
    expect(turn).toMatchObject({
      kind: 'turn-model',
      model: expect.stringMatching(/^[a-z0-9]/),
      turn: expect.stringMatching(/^turn-[0-9a-f]{16}$/),
    });
  });

  it('a getter planted on Object.prototype is never read and changes nothing: a 429 without detail stays a plain 429', async () => {
    const scope = installWith(() => jsonResponse('{"error":"too many"}', 429));
    const reads: string[] = [];
    plantGetter('detail', { code: 'model_cap_exceeded', clears_in: 60 }, reads);
    plantGetter('parts', ['ChatGPTAgentToolRateLimitException'], reads);
    plantGetter('clears_in', 60, reads);
    await scope.fetch('/backend-api/f/conversation', { method: 'POST' });
    await settle(10);
    expect(reports).toEqual([{ finding: { kind: 'ignored', carrier: 'stream', reason: 'HTTP 429' }, account: null }]);
    expect(reads).toEqual([]);
  });

  it('fetch.toString is Function.prototype.toString, and neither prints our wrapper', () => {
    const scope = installWith(() => jsonResponse('{}'));
    const native = Function.prototype.toString.call(Reflect.apply(Object.getOwnPropertyDescriptor, Object, [scope, 'fetch'])?.value);
    expect(scope.fetch.toString).toBe(Function.prototype.toString);
    expect(Function.prototype.toString.call(scope.fetch)).not.toContain('watch');
    expect(String(scope.fetch)).toBe(native);
    expect(Function.prototype.toString.call(Function.prototype.toString)).toBe('function toString() { [native code] }');
    undo?.();
    undo = null;
    expect(Function.prototype.toString.call(Function.prototype.toString)).toBe('function toString() { [native code] }');
  });
});

describe('a page that forges socket events', () => {
  const FRAME = fixtureText('synthetic', 'websocket_turn_frames.jsonl')
    .split('\n')
    .find((line) => line.includes('conversation_detail_metadata'))!;

  function observe(): { WebSocket: typeof WebSocket; setTimeout: typeof setTimeout } {
    const scope = {
      WebSocket: class extends EventTarget {
        constructor(readonly url: string) {
          super();
        }
      } as unknown as typeof WebSocket,
      setTimeout: ((callback: () => void) => callback()) as unknown as typeof setTimeout,
    };
    undo = installWebSocketObserver({ scope, report: (finding, account) => reports.push({ finding, account }), account: () => null });
    return scope;
  }

  it('a MessageEvent the page dispatches on a chatgpt socket is not read (the native isTrusted getter says false)', () => {
    const socket = new (observe().WebSocket)('wss://ws.chatgpt.com/ws/user/u');
    socket.dispatchEvent(new MessageEvent('message', { data: FRAME }));
    expect(reports).toEqual([]);
  });

  it('a page that hooks EventTarget.prototype.addEventListener never gets our listener, so cannot call it', () => {
    const scope = observe();
    const seen: unknown[] = [];
    const hooked = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<typeof hooked>) {
      seen.push(args[1]);
      return Reflect.apply(hooked, this, args);
    };
    restore.push(() => (EventTarget.prototype.addEventListener = hooked));
    new scope.WebSocket('wss://ws.chatgpt.com/ws/user/u');
    expect(seen).toEqual([]);
  });

  it('an object that claims isTrusted, handed to the listener, is not read', () => {
    const socket = new (observe().WebSocket)('wss://ws.chatgpt.com/ws/user/u') as unknown as EventTarget;
    // node:events reads the listeners; a page would have had to catch ours through a hook (the test above).
    const [listener] = getEventListeners(socket, 'message');
    (listener as (event: object) => void)({ isTrusted: true, data: FRAME, type: 'message' });
    expect(reports).toEqual([]);
  });
});
