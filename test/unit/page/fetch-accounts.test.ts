import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountKeyOf } from '../../../lib/page/account-key';
import { installFetchObserver } from '../../../lib/page/fetch-observer';
import type { PageFinding } from '../../../lib/page/page-message';
import { fixtureText } from '../fixtures';
import { fakeFetch, jsonResponse, readAllBytes, settle, sseResponse } from './fake-fetch';

/**
 * What the fetch observer learns besides the quota object: the account a request is made for
 * (chatgpt-account-id, reported only as an opaque key), the plan of accounts/check, and the
 * legacy HTTP 429 model cap. The Authorization header is never looked at.
 */

const BASE = 'https://chatgpt.com/c/69eb5a4b-282c-83ea-b4f6-91ba9510bc9f';
const INIT = fixtureText('real', 'init_blocked_file_upload_model_limits_2026-09.json');
const TURN = new TextEncoder().encode(fixtureText('real', 'stream_image_gen_turn_plus_2026-04.sse.txt'));
const MODEL_CAP_429 = fixtureText('real', 'http429_model_cap_exceeded_legacy.json');
const ACCOUNT_ID = 'd2c7a1e0-5b7f-4a8e-9c11-RAW-ACCOUNT-ID';
const OTHER_ID = 'team-0f9e8d7c-RAW-OTHER-ID';
const KEY = accountKeyOf(ACCOUNT_ID);
const OTHER_KEY = accountKeyOf(OTHER_ID);
const CHECK_PATH = '/backend-api/accounts/check/v4-2023-04-27?timezone_offset_min=-120';

type Reported = { finding: PageFinding; account: string | null };
let reports: Reported[];
let undo: (() => void) | null;

beforeEach(() => {
  reports = [];
  undo = null;
});
afterEach(() => undo?.());

function accountsCheck(plans: Record<string, string>): string {
  const accounts = Object.fromEntries(Object.entries(plans).map(([id, plan]) => [id, { account: { account_id: id, plan_type: plan } }]));
  return JSON.stringify({ accounts, account_ordering: Object.keys(plans) });
}

/** A page fetch: init JSON, turn streams, accounts/check as given, anything else a small JSON. */
function install(answers: { check?: string; status?: number; body?: string } = {}) {
  const { fetch, calls } = fakeFetch((input) => {
    const url = input instanceof Request ? input.url : String(input);
    if (answers.status !== undefined) return Promise.resolve(jsonResponse(answers.body ?? '{}', answers.status));
    if (url.includes('/accounts/check/')) return Promise.resolve(jsonResponse(answers.check ?? accountsCheck({ [ACCOUNT_ID]: 'plus' })));
    if (url.includes('/conversation/init')) return Promise.resolve(jsonResponse(INIT));
    if (url.includes('conversation')) return Promise.resolve(sseResponse(TURN));
    return Promise.resolve(jsonResponse('{"models":[]}'));
  });
  const scope = { fetch };
  undo = installFetchObserver({ scope, baseUrl: () => BASE, report: (finding, account) => reports.push({ finding, account }) });
  return { scope, calls };
}

async function call(scope: { fetch: typeof fetch }, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await scope.fetch(input, init);
  await readAllBytes(response);
  await settle(10);
  return response;
}

const kinds = () => reports.map((entry) => entry.finding.kind);

describe('the account a request is made for', () => {
  const header = { 'chatgpt-account-id': ACCOUNT_ID };
  it.each<[string, RequestInfo, RequestInit | undefined]>([
    ['init.headers as an object', '/backend-api/conversation/init', { method: 'POST', headers: header }],
    ['init.headers as an object, any case', '/backend-api/conversation/init', { headers: { 'ChatGPT-Account-Id': ACCOUNT_ID } }],
    ['init.headers as an array', '/backend-api/conversation/init', { headers: [['chatgpt-account-id', ACCOUNT_ID]] }],
    ['init.headers as Headers', '/backend-api/conversation/init', { headers: new Headers(header) }],
    ['a Request input', new Request('https://chatgpt.com/backend-api/conversation/init', { method: 'POST', headers: header }), undefined],
  ])('%s: an account finding, then the quota finding under its key', async (_name, input, init) => {
    const { scope } = install();
    await call(scope, input, init);
    expect(reports).toEqual([
      { finding: { kind: 'account', carrier: 'account' }, account: KEY },
      { finding: expect.objectContaining({ kind: 'quota', carrier: 'init' }), account: KEY },
    ]);
  });

  it('init headers win over the Request input headers', async () => {
    const { scope } = install();
    const request = new Request('https://chatgpt.com/backend-api/conversation/init', { headers: { 'chatgpt-account-id': OTHER_ID } });
    await call(scope, request, { headers: { 'chatgpt-account-id': ACCOUNT_ID } });
    expect(new Set(reports.map((entry) => entry.account))).toEqual(new Set([KEY]));
  });

  it('an account finding once per change of account, not once per request', async () => {
    const { scope } = install();
    for (const id of [ACCOUNT_ID, ACCOUNT_ID, OTHER_ID, OTHER_ID, ACCOUNT_ID]) {
      await call(scope, '/backend-api/f/conversation', { method: 'POST', headers: { 'chatgpt-account-id': id } });
    }
    const accounts = reports.filter((entry) => entry.finding.kind === 'account').map((entry) => entry.account);
    expect(accounts).toEqual([KEY, OTHER_KEY, KEY]);
    expect(reports.filter((entry) => entry.finding.kind === 'quota').map((entry) => entry.account)).toEqual([
      KEY,
      KEY,
      OTHER_KEY,
      OTHER_KEY,
      KEY,
    ]);
  });

  it('a request without the header is filed under the account last seen on the page', async () => {
    const { scope } = install();
    await call(scope, '/backend-api/f/conversation', { headers: { 'chatgpt-account-id': ACCOUNT_ID } });
    await call(scope, '/backend-api/conversation/init', { method: 'POST' });
    expect(reports.at(-1)).toMatchObject({ finding: { kind: 'quota', carrier: 'init' }, account: KEY });
  });

  it('before any account is known, findings carry no account', async () => {
    const { scope } = install();
    await call(scope, '/backend-api/conversation/init');
    expect(reports).toEqual([{ finding: expect.objectContaining({ kind: 'quota' }), account: null }]);
  });

  it.each([
    ['an empty value', ''],
    ['only spaces', '   '],
    ['an absurdly long value', 'x'.repeat(201)],
  ])('%s is no account', async (_name, value) => {
    const { scope } = install();
    await call(scope, '/backend-api/conversation/init', { headers: { 'chatgpt-account-id': value } });
    expect(reports).toEqual([{ finding: expect.objectContaining({ kind: 'quota' }), account: null }]);
  });

  it('requests that are not carriers teach nothing', async () => {
    const { scope } = install();
    await call(scope, '/backend-api/models?iim=false', { headers: { 'chatgpt-account-id': ACCOUNT_ID } });
    expect(reports).toEqual([]);
  });

  it('the raw account id never appears in any report', async () => {
    const { scope } = install({ check: accountsCheck({ [ACCOUNT_ID]: 'plus', [OTHER_ID]: 'team' }) });
    await call(scope, '/backend-api/f/conversation', { headers: { 'chatgpt-account-id': ACCOUNT_ID } });
    await call(scope, CHECK_PATH, { headers: { 'chatgpt-account-id': OTHER_ID } });
    await call(scope, '/backend-api/conversation/init', { headers: [['chatgpt-account-id', ACCOUNT_ID]] });
    expect(reports.length).toBeGreaterThan(3);
    const sent = JSON.stringify(reports);
    for (const raw of [ACCOUNT_ID, OTHER_ID, 'RAW-ACCOUNT-ID', 'RAW-OTHER-ID']) expect(sent).not.toContain(raw);
  });
});

describe('the Authorization header is never read', () => {
  const SECRET = 'Bearer SECRET-BEARER-TOKEN';

  it("a Headers object: the page's own methods are never called (the built-in get is), and the page still gets its headers", async () => {
    const asked: string[] = [];
    class GuardedHeaders extends Headers {
      override get(name: string): string | null {
        asked.push(name);
        if (name.toLowerCase() === 'authorization') throw new Error('the token was read');
        return super.get(name);
      }
      override has(name: string): boolean {
        asked.push(`has:${name}`);
        return super.has(name);
      }
      override forEach(): void {
        throw new Error('every header was read');
      }
      override entries(): HeadersIterator<[string, string]> {
        throw new Error('every header was read');
      }
    }
    const headers = new GuardedHeaders({ Authorization: SECRET, 'chatgpt-account-id': ACCOUNT_ID });
    const { scope, calls } = install();
    const init = { method: 'POST', headers };
    await call(scope, '/backend-api/f/conversation', init);
    expect(asked).toEqual([]);
    expect(calls[0]?.args[1]).toBe(init);
    expect(reports.every((entry) => entry.account === KEY)).toBe(true);
  });

  it('a plain object: no value is read through [[Get]] (a getter would count it), the account all the same', async () => {
    const read: PropertyKey[] = [];
    const headers = new Proxy(
      { Authorization: SECRET, 'chatgpt-account-id': ACCOUNT_ID },
      {
        get(target, key, receiver) {
          read.push(key);
          if (typeof key === 'string' && key.toLowerCase() === 'authorization') throw new Error('the token was read');
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    const { scope } = install();
    await call(scope, '/backend-api/conversation/init', { headers });
    expect(read).toEqual([]);
    expect(reports.every((entry) => entry.account === KEY)).toBe(true);
  });

  it('an array of pairs: the value of the Authorization pair is never read', async () => {
    const guarded = new Proxy(['Authorization', SECRET], {
      get(target, key, receiver) {
        if (key === '1') throw new Error('the token was read');
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const { scope } = install();
    await call(scope, '/backend-api/conversation/init', {
      headers: [guarded, ['chatgpt-account-id', ACCOUNT_ID]] as unknown as [string, string][],
    });
    expect(reports.every((entry) => entry.account === KEY)).toBe(true);
  });

  it('headers that throw on any access make the request accountless, and the page still gets its response', async () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    const { scope, calls } = install();
    const response = await call(scope, '/backend-api/conversation/init', { headers: hostile });
    expect(response).toBe(await calls[0]?.result);
    expect(reports).toEqual([{ finding: expect.objectContaining({ kind: 'quota' }), account: null }]);
  });
});

describe('accounts/check: the plan', () => {
  it('a single account: the account is learned from the answer, and its plan reported under its key', async () => {
    const { scope } = install();
    await call(scope, CHECK_PATH);
    expect(reports).toEqual([
      { finding: { kind: 'account', carrier: 'account' }, account: KEY },
      { finding: { kind: 'plan', carrier: 'account', plan: 'plus' }, account: KEY },
    ]);
  });

  it('several accounts: the plan of the one the page works for', async () => {
    const { scope } = install({ check: accountsCheck({ [ACCOUNT_ID]: 'plus', [OTHER_ID]: 'team' }) });
    await call(scope, CHECK_PATH, { headers: { 'chatgpt-account-id': OTHER_ID } });
    expect(reports).toEqual([
      { finding: { kind: 'account', carrier: 'account' }, account: OTHER_KEY },
      { finding: { kind: 'plan', carrier: 'account', plan: 'team' }, account: OTHER_KEY },
    ]);
  });

  it('the same account again: the plan again, no second account finding', async () => {
    const { scope } = install();
    await call(scope, CHECK_PATH);
    await call(scope, CHECK_PATH, { headers: { 'chatgpt-account-id': ACCOUNT_ID } });
    expect(kinds()).toEqual(['account', 'plan', 'plan']);
  });

  it.each([
    ['not JSON', 'oops'],
    ['no accounts', '{"account_ordering":[]}'],
    ['accounts as a list', '{"accounts":[]}'],
    ['a plan that is not a string', JSON.stringify({ accounts: { a: { account: { plan_type: 7 } } }, account_ordering: ['a'] })],
  ])('%s: nothing', async (_name, body) => {
    const { scope } = install({ check: body });
    await call(scope, CHECK_PATH);
    expect(reports.filter((entry) => entry.finding.kind === 'plan')).toEqual([]);
  });
});

describe('error statuses', () => {
  it.each([
    ['a turn', '/backend-api/f/conversation', 'stream'],
    ['a resumed turn', '/backend-api/f/conversation/resume', 'resume'],
    ['a legacy turn', '/backend-api/conversation', 'stream'],
  ])('the legacy 429 model_cap_exceeded on %s is a model cap of clears_in', async (_name, path, carrier) => {
    const { scope } = install({ status: 429, body: MODEL_CAP_429 });
    const response = await call(scope, path, { method: 'POST' });
    expect(response.status).toBe(429);
    expect(reports).toEqual([{ finding: { kind: 'model-cap', carrier, clearsInMs: 9_665_000 }, account: null }]);
  });

  it('the same 429 on init is only noted', async () => {
    const { scope } = install({ status: 429, body: MODEL_CAP_429 });
    await call(scope, '/backend-api/conversation/init', { method: 'POST' });
    expect(reports).toEqual([{ finding: { kind: 'ignored', carrier: 'init', reason: 'HTTP 429' }, account: null }]);
  });

  it.each([
    ['another 429 body', 429, '{"detail":"Too many requests"}', 'HTTP 429'],
    ['a 429 that is not JSON', 429, '<html>slow down</html>', 'HTTP 429'],
    ['a 403', 403, MODEL_CAP_429, 'HTTP 403'],
    ['a 500', 500, '{}', 'HTTP 500'],
    ['a 503', 503, '', 'HTTP 503'],
  ])('%s on a turn is noted as ignored, and the account its request named is not learned', async (_name, status, body, reason) => {
    // Issue 23: a page that sends a made-up chatgpt-account-id gets a refusal; that must not switch
    // the account the next findings are filed under.
    const { scope } = install({ status, body });
    await call(scope, '/backend-api/f/conversation', { method: 'POST', headers: { 'chatgpt-account-id': ACCOUNT_ID } });
    expect(reports).toEqual([{ finding: { kind: 'ignored', carrier: 'stream', reason }, account: null }]);
  });

  it('the page reads the 429 body as it came', async () => {
    const { scope } = install({ status: 429, body: MODEL_CAP_429 });
    const response = await scope.fetch('/backend-api/f/conversation');
    expect(await response.text()).toBe(MODEL_CAP_429);
  });
});
