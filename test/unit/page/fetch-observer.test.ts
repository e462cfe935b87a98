import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFetchObserver, MAX_INIT_BYTES } from '../../../lib/page/fetch-observer';
import type { PageFinding } from '../../../lib/page/page-message';
import { FIXTURE_NON_QUOTA_TEXT } from '../fixture-placeholders';
import { fixtureBytes, fixtureText } from '../fixtures';
import { chunkedBody, fakeFetch, jsonResponse, readAllBytes, settle, sseResponse } from './fake-fetch';

/**
 * The interceptor against a fake fetch that returns real Responses: the page must see exactly
 * what it would see without us, and only quota fields may be reported.
 */

const BASE = 'https://chatgpt.com/c/69eb5a4b-282c-83ea-b4f6-91ba9510bc9f';
const TURN = fixtureBytes('real', 'stream_image_gen_turn_plus_2026-04.sse.txt');
const INIT = fixtureText('real', 'init_blocked_file_upload_model_limits_2026-09.json');

type Reported = { finding: PageFinding; account: string | null };

let reports: Reported[];
let undo: (() => void) | null;

beforeEach(() => {
  reports = [];
  undo = null;
});
afterEach(() => undo?.());

function install(fetch: typeof globalThis.fetch, extra: { maxInitBytes?: number } = {}) {
  const scope = { fetch };
  undo = installFetchObserver({
    scope,
    baseUrl: () => BASE,
    report: (finding, account) => reports.push({ finding, account }),
    ...extra,
  });
  return scope;
}

function answerFor(input: unknown): Promise<Response> {
  // As the real fetch does: a Request gives its url, anything else is turned into a string.
  const url = input instanceof Request ? input.url : String(input);
  if (url.includes('/conversation/init')) return Promise.resolve(jsonResponse(INIT));
  if (url.includes('conversation')) return Promise.resolve(sseResponse(TURN));
  return Promise.resolve(jsonResponse('{"models":[]}'));
}

describe('what the page gets', () => {
  it('the very promise and Response the original fetch returned, and every byte', async () => {
    const { fetch, calls } = fakeFetch(answerFor);
    const scope = install(fetch);
    const promise = scope.fetch('/backend-api/f/conversation', { method: 'POST' });
    expect(promise).toBe(calls[0]?.result);
    const response = await promise;
    expect(response).toBe(await calls[0]?.result);
    expect(await readAllBytes(response)).toEqual(TURN);
    await settle();
    expect(reports.map((entry) => entry.finding.kind)).toContain('quota');
  });

  it('the first chunk as soon as the network gives it, before the rest exists', async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (control) => void (controller = control) });
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const scope = install(fakeFetch(() => Promise.resolve(response)).fetch);
    const reader = (await scope.fetch('/backend-api/f/conversation')).body!.getReader();
    const first = TURN.subarray(0, 10);
    controller.enqueue(first);
    expect((await reader.read()).value).toEqual(first);
    controller.enqueue(TURN.subarray(10));
    controller.close();
    expect((await reader.read()).value).toEqual(TURN.subarray(10));
    expect((await reader.read()).done).toBe(true);
  });

  it('an init body, read by the page, is the same JSON', async () => {
    const scope = install(fakeFetch(answerFor).fetch);
    const response = await scope.fetch('https://chatgpt.com/backend-api/conversation/init', { method: 'POST' });
    expect(await response.text()).toBe(INIT);
    await settle();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.finding).toMatchObject({ kind: 'quota', carrier: 'init' });
  });

  it('fetch keeps its name, length, source text, own property names and symbols, and no marker anywhere', () => {
    const { fetch } = fakeFetch(answerFor);
    const scope = install(fetch);
    expect(scope.fetch.name).toBe(fetch.name);
    expect(scope.fetch.length).toBe(fetch.length);
    expect(scope.fetch.toString()).toBe(Function.prototype.toString.call(fetch));
    expect(Object.getOwnPropertyNames(scope.fetch)).toEqual(Object.getOwnPropertyNames(fetch));
    expect(Object.getOwnPropertySymbols(scope.fetch)).toEqual(Object.getOwnPropertySymbols(fetch));
    expect((scope.fetch as unknown as Record<symbol, unknown>)[Symbol.for('quota-meter.fetch-observer')]).toBeUndefined();
    expect(Object.getOwnPropertySymbols(scope)).toEqual([]);
  });
});

describe('which requests are read', () => {
  const request = (url: string) => new Request(url, { method: 'POST', body: '{}' });
  it.each([
    ['an absolute string', 'https://chatgpt.com/backend-api/conversation/init', 'init'],
    ['a relative string with a query', '/backend-api/conversation/init?client=web', 'init'],
    ['a URL object', new URL('https://chatgpt.com/backend-api/f/conversation?x=1'), 'stream'],
    ['a Request', request('https://chatgpt.com/backend-api/f/conversation'), 'stream'],
    ['a Request with a query', request('https://chatgpt.com/backend-api/f/conversation/resume?topic=t'), 'resume'],
    ['the legacy path', '/backend-api/conversation', 'stream'],
    ['a trailing slash', '/backend-api/f/conversation/', 'stream'],
    ['the logged-out path', '/backend-anon/f/conversation', 'stream'],
    ['the logged-out init', 'https://chatgpt.com/backend-anon/conversation/init', 'init'],
  ])('%s is read', async (_name, input, carrier) => {
    const scope = install(fakeFetch(answerFor).fetch);
    await readAllBytes(await scope.fetch(input as RequestInfo));
    await settle();
    expect(reports.some((entry) => entry.finding.kind === 'quota' && entry.finding.carrier === carrier)).toBe(true);
  });

  it.each([
    ['models with a query', '/backend-api/models?iim=false'],
    ['an existing conversation', '/backend-api/conversation/69eb5a4b-282c-83ea-b4f6-91ba9510bc9f'],
    ['a longer path', '/backend-api/conversation/init/extra'],
    ['a relative path without the leading slash', 'backend-api/conversation/init'],
    ['another host with the same path, as a path only matters', 'https://example.com/api/conversation/init'],
    ['an object with a toString', { toString: (): string => '/backend-api/conversation/init' }],
  ])('%s is not touched (no clone)', async (_name, input) => {
    const clone = vi.spyOn(Response.prototype, 'clone');
    const scope = install(fakeFetch(answerFor).fetch);
    const response = await scope.fetch(input as RequestInfo);
    await settle();
    expect(clone).not.toHaveBeenCalled();
    expect(reports).toEqual([]);
    await readAllBytes(response);
  });

  it('a matched request is cloned once', async () => {
    // The observer takes Response.prototype.clone when it loads: load it again under the spy.
    const clone = vi.spyOn(Response.prototype, 'clone');
    vi.resetModules();
    const fresh = await import('../../../lib/page/fetch-observer');
    const scope = { fetch: fakeFetch(answerFor).fetch };
    undo = fresh.installFetchObserver({ scope, baseUrl: () => BASE, report: (finding, account) => reports.push({ finding, account }) });
    await readAllBytes(await scope.fetch('/backend-api/f/conversation'));
    await settle();
    expect(clone).toHaveBeenCalledTimes(1);
  });

  it('a page that later replaces clone, JSON.parse, Headers.prototype.get or Promise sees none of our calls; we still read', async () => {
    const scope = install(fakeFetch(answerFor).fetch);
    const seen: string[] = [];
    const saved = { clone: Response.prototype.clone, get: Headers.prototype.get, parse: JSON.parse, Promise: globalThis.Promise };
    Response.prototype.clone = function (this: Response) {
      seen.push('clone');
      return saved.clone.call(this);
    };
    Headers.prototype.get = function (this: Headers, name: string) {
      seen.push('get');
      return saved.get.call(this, name);
    };
    JSON.parse = (text: string) => (seen.push('parse'), saved.parse(text) as unknown);
    try {
      const response = await scope.fetch('/backend-api/conversation/init');
      seen.length = 0;
      await readAllBytes(response);
      await settle();
    } finally {
      Object.assign(Response.prototype, { clone: saved.clone });
      Object.assign(Headers.prototype, { get: saved.get });
      JSON.parse = saved.parse;
    }
    expect(seen).toEqual([]);
    expect(reports.map((entry) => entry.finding.kind)).toContain('quota');
  });
});

describe('errors and aborts', () => {
  it('a rejection reaches the page as the same error object, and nothing is reported', async () => {
    const error = new TypeError('Failed to fetch');
    const scope = install(fakeFetch(() => Promise.reject(error)).fetch);
    await expect(scope.fetch('/backend-api/f/conversation')).rejects.toBe(error);
    await settle();
    expect(reports).toEqual([]);
  });

  it('a synchronous throw reaches the page as the same error object', () => {
    const error = new TypeError('Invalid init');
    const scope = install(
      fakeFetch(() => {
        throw error;
      }).fetch,
    );
    expect(() => scope.fetch('/backend-api/conversation/init')).toThrow(error);
  });

  it('an abort mid-stream errors the page the same way, and nothing is reported', async () => {
    const abortCase = async (observe: boolean) => {
      const controller = new AbortController();
      const half = TURN.subarray(0, 2000);
      const body = new ReadableStream<Uint8Array>({
        start(stream) {
          stream.enqueue(half);
          controller.signal.addEventListener('abort', () => stream.error(controller.signal.reason));
        },
      });
      const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      const base = fakeFetch(() => Promise.resolve(response)).fetch;
      const scope = observe ? install(base) : { fetch: base };
      const reader = (await scope.fetch('/backend-api/f/conversation', { signal: controller.signal })).body!.getReader();
      const first = await reader.read();
      controller.abort();
      const second = await reader.read().then(
        () => 'resolved',
        (error: unknown) => error,
      );
      return { first: first.value, second, reason: controller.signal.reason as unknown };
    };
    const plain = await abortCase(false);
    const observed = await abortCase(true);
    expect(observed.first).toEqual(plain.first);
    expect(observed.second).toBe(observed.reason);
    expect((observed.second as Error).name).toBe((plain.second as Error).name);
    await settle();
    expect(reports).toEqual([]);
  });

  it.each([
    ['init', '/backend-api/conversation/init', 500],
    ['init', '/backend-api/conversation/init', 403],
    ['stream', '/backend-api/f/conversation', 502],
    ['resume', '/backend-api/f/conversation/resume', 404],
  ])('a non-2xx %s is reported as ignored only (HTTP %i)', async (carrier, path, status) => {
    const body = carrier === 'init' ? jsonResponse(INIT, status) : sseResponse(TURN, status);
    const scope = install(fakeFetch(() => Promise.resolve(body)).fetch);
    const response = await scope.fetch(path);
    expect(response.status).toBe(status);
    expect(await readAllBytes(response)).toEqual(carrier === 'init' ? new TextEncoder().encode(INIT) : TURN);
    await settle();
    expect(reports).toEqual([{ finding: { kind: 'ignored', carrier, reason: `HTTP ${status}` }, account: null }]);
  });

  it('an init body over the bound is ignored, and the page still reads all of it', async () => {
    const big = JSON.stringify({ limits_progress: [], padding: 'p'.repeat(MAX_INIT_BYTES) });
    const scope = install(fakeFetch(() => Promise.resolve(new Response(chunkedBody(new TextEncoder().encode(big), [4096])))).fetch);
    const response = await scope.fetch('/backend-api/conversation/init');
    expect(await response.text()).toBe(big);
    await settle(20);
    expect(reports).toEqual([{ finding: { kind: 'ignored', carrier: 'init', reason: 'body too large' }, account: null }]);
  });

  it('an init body that declares a length over the bound is not even cloned', async () => {
    const clone = vi.spyOn(Response.prototype, 'clone');
    const big = JSON.stringify({ limits_progress: [], padding: 'p'.repeat(MAX_INIT_BYTES) });
    const headers = { 'content-type': 'application/json', 'content-length': String(big.length) };
    const scope = install(
      fakeFetch(() => Promise.resolve(new Response(chunkedBody(new TextEncoder().encode(big), [4096]), { headers }))).fetch,
    );
    const response = await scope.fetch('/backend-api/conversation/init');
    expect(await response.text()).toBe(big);
    await settle(20);
    expect(clone).not.toHaveBeenCalled();
    expect(reports).toEqual([{ finding: { kind: 'ignored', carrier: 'init', reason: 'body too large' }, account: null }]);
  });

  it('a stream that is not text/event-stream is not read', async () => {
    const clone = vi.spyOn(Response.prototype, 'clone');
    const scope = install(fakeFetch(() => Promise.resolve(jsonResponse('{"detail":"x"}'))).fetch);
    await readAllBytes(await scope.fetch('/backend-api/f/conversation'));
    await settle();
    expect(clone).not.toHaveBeenCalled();
    expect(reports).toEqual([]);
  });

  it('a body the page already used, or no body, is left alone', async () => {
    const empty = new Response(null, { status: 204 });
    const scope = install(fakeFetch(() => Promise.resolve(empty)).fetch);
    expect(await scope.fetch('/backend-api/conversation/init')).toBe(empty);
    await settle();
    expect(reports).toEqual([]);
  });
});

describe('installing and undoing', () => {
  it('installing twice wraps once: one report per reading', async () => {
    const { fetch } = fakeFetch(answerFor);
    const scope = { fetch };
    const report = (finding: PageFinding, account: string | null) => reports.push({ finding, account });
    const first = installFetchObserver({ scope, baseUrl: () => BASE, report });
    const wrapped = scope.fetch;
    const second = installFetchObserver({ scope, baseUrl: () => BASE, report });
    expect(scope.fetch).toBe(wrapped);
    await readAllBytes(await scope.fetch('/backend-api/conversation/init'));
    await settle();
    expect(reports).toHaveLength(1);
    second();
    expect(scope.fetch).toBe(wrapped);
    first();
    expect(scope.fetch).toBe(fetch);
  });

  it('undo restores the original fetch', () => {
    const { fetch } = fakeFetch(answerFor);
    const scope = install(fetch);
    expect(scope.fetch).not.toBe(fetch);
    undo?.();
    undo = null;
    expect(scope.fetch).toBe(fetch);
  });

  it('a page that wrapped fetch on top of ours still works after our undo, and we stop reading', async () => {
    const { fetch, calls } = fakeFetch(answerFor);
    const scope = install(fetch);
    const ours = scope.fetch;
    const pageWrapper = function (this: unknown, ...args: Parameters<typeof globalThis.fetch>) {
      return ours.apply(this, args);
    } as typeof globalThis.fetch;
    scope.fetch = pageWrapper;
    undo?.();
    undo = null;
    expect(scope.fetch).toBe(pageWrapper);
    const response = await scope.fetch('/backend-api/conversation/init');
    expect(response).toBe(await calls[0]?.result);
    expect(await response.text()).toBe(INIT);
    await settle();
    expect(reports).toEqual([]);
  });

  it('passes another `this` through to the original', async () => {
    const { fetch, calls } = fakeFetch(answerFor);
    const scope = install(fetch);
    const other = { name: 'another this' };
    await readAllBytes(await scope.fetch.call(other, '/backend-api/models'));
    await readAllBytes(await scope.fetch('/backend-api/models'));
    expect(calls[0]?.self).toBe(other);
    expect(calls[1]?.self).toBe(scope);
  });
});

describe('what leaves the page', () => {
  it('only quota fields (and the plan) of a real chat turn: no ids, tokens, message text or titles', async () => {
    const scope = install(fakeFetch(answerFor).fetch);
    const response = await scope.fetch('/backend-api/f/conversation', {
      method: 'POST',
      headers: { Authorization: 'Bearer SECRET-BEARER-TOKEN', 'chatgpt-account-id': 'RAW-ACCOUNT-ID-1234' },
      body: JSON.stringify({ messages: [{ content: { parts: ['MY PRIVATE PROMPT'] } }] }),
    });
    await readAllBytes(response);
    await settle();
    const sent = JSON.stringify(reports);
    for (const secret of [
      '69eb5a4b-282c-83ea-b4f6-91ba9510bc9f',
      ...FIXTURE_NON_QUOTA_TEXT,
      'c77318e0-2fd8-4c30-8280-0f2186c8f08d',
      'SECRET-BEARER-TOKEN',
      'RAW-ACCOUNT-ID-1234',
      'MY PRIVATE PROMPT',
      'conversation_id',
      'token',
    ]) {
      expect(sent).not.toContain(secret);
    }
    const quota = reports.find((entry) => entry.finding.kind === 'quota')?.finding;
    expect(quota).toEqual({
      kind: 'quota',
      carrier: 'stream',
      quota: {
        type: 'conversation_detail_metadata',
        blocked_features: [],
        model_limits: [],
        limits_progress: [
          { feature_name: 'deep_research', remaining: 25, reset_after: '2026-05-24T11:57:32.443716+00:00' },
          { feature_name: 'odyssey', remaining: 40, reset_after: '2026-05-24T11:57:32.443731+00:00' },
          { feature_name: 'file_upload', remaining: 80, reset_after: '2026-04-24T14:57:32.443736+00:00' },
          { feature_name: 'paste_text_to_file', remaining: 80, reset_after: '2026-04-24T14:57:32.443740+00:00' },
          { feature_name: 'image_gen', remaining: 117, reset_after: '2026-04-25T11:31:35.443744+00:00' },
        ],
        default_model_slug: 'gpt-5-3',
      },
    });
    // Every report names the same opaque account key, never the raw id.
    expect(new Set(reports.map((entry) => entry.account)).size).toBe(1);
    expect(reports[0]?.account).toMatch(/^acct-[0-9a-f]{16}$/);
  });
});
