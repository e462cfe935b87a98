import { describe, expect, it } from 'vitest';
import { findingOf429, responsePlan } from '../../../lib/page/response-plan';
import { modelCapClearsInMs, readAccountsCheck } from '../../../lib/page/side-responses';
import type { FetchCarrier } from '../../../lib/page/quota-endpoints';
import { fixtureJson } from '../fixtures';

/**
 * Which carrier responses are read (one rule for the interceptor and the HAR reader), and the
 * few fields read from accounts/check and from the legacy 429 body.
 */

const MODEL_CAP_429 = fixtureJson('real', 'http429_model_cap_exceeded_legacy.json');
const CARRIERS: FetchCarrier[] = ['init', 'stream', 'resume'];

describe('how a carrier response is read', () => {
  it.each<[string, FetchCarrier, number, string, ReturnType<typeof responsePlan>]>([
    ['a 200 init, whatever its type', 'init', 200, 'text/html', { read: 'json' }],
    ['a 200 init JSON', 'init', 200, 'application/json', { read: 'json' }],
    ['a 200 turn stream', 'stream', 200, 'text/event-stream; charset=utf-8', { read: 'stream' }],
    ['a 200 resume stream', 'resume', 200, 'text/event-stream', { read: 'stream' }],
    ['a 200 turn that is JSON', 'stream', 200, 'application/json', { read: 'nothing', reason: 'not text/event-stream', diagnostic: false }],
    ['a 200 turn without a type', 'resume', 200, '', { read: 'nothing', reason: 'not text/event-stream', diagnostic: false }],
    ['a 429 turn', 'stream', 429, 'application/json', { read: 'model-cap-json' }],
    ['a 429 resume', 'resume', 429, '', { read: 'model-cap-json' }],
    ['a 429 init', 'init', 429, 'application/json', { read: 'nothing', reason: 'HTTP 429', diagnostic: true }],
    ['a 404 resume', 'resume', 404, 'text/event-stream', { read: 'nothing', reason: 'HTTP 404', diagnostic: true }],
    ['a 500 init', 'init', 500, 'application/json', { read: 'nothing', reason: 'HTTP 500', diagnostic: true }],
    ['a 304', 'stream', 304, 'text/event-stream', { read: 'nothing', reason: 'HTTP 304', diagnostic: true }],
    ['a 199', 'init', 199, 'application/json', { read: 'nothing', reason: 'HTTP 199', diagnostic: true }],
    ['a 204 init (2xx)', 'init', 204, '', { read: 'json' }],
    ['a 200 Codex usage body', 'codex-usage', 200, 'application/json', { read: 'json' }],
    ['a 200 memories body', 'memories', 200, 'application/json', { read: 'json' }],
    ['a 401 memories body', 'memories', 401, 'application/json', { read: 'nothing', reason: 'HTTP 401', diagnostic: true }],
  ])('%s', (_name, carrier, status, contentType, plan) => {
    expect(responsePlan(carrier, status, contentType)).toEqual(plan);
  });
});

describe('the legacy HTTP 429 body', () => {
  it.each(CARRIERS)('the captured body on %s is a model cap of 9 665 s', (carrier) => {
    expect(findingOf429(MODEL_CAP_429, carrier)).toEqual({ kind: 'model-cap', carrier, clearsInMs: 9_665_000 });
  });

  it.each([
    ['clears_in 0', { detail: { code: 'model_cap_exceeded', clears_in: 0 } }, 0],
    ['a fraction of a second', { detail: { code: 'model_cap_exceeded', clears_in: 1.5 } }, 1500],
    ['a month exactly', { detail: { code: 'model_cap_exceeded', clears_in: 31 * 24 * 3600 } }, 31 * 24 * 3600 * 1000],
  ])('%s', (_name, body, delay) => {
    expect(modelCapClearsInMs(body)).toBe(delay);
  });

  it.each([
    ['another code', { detail: { code: 'rate_limit_exceeded', clears_in: 60 } }],
    ['no clears_in', { detail: { code: 'model_cap_exceeded' } }],
    ['clears_in as text', { detail: { code: 'model_cap_exceeded', clears_in: '9665' } }],
    ['a negative clears_in', { detail: { code: 'model_cap_exceeded', clears_in: -1 } }],
    ['more than a month', { detail: { code: 'model_cap_exceeded', clears_in: 31 * 24 * 3600 + 1 } }],
    ['an infinite clears_in', { detail: { code: 'model_cap_exceeded', clears_in: Infinity } }],
    ['detail as text', { detail: 'Too many requests' }],
    ['null', null],
    ['a list', [MODEL_CAP_429]],
  ])('%s is no model cap, only the status', (_name, body) => {
    expect(modelCapClearsInMs(body)).toBeNull();
    expect(findingOf429(body, 'stream')).toEqual({ kind: 'ignored', carrier: 'stream', reason: 'HTTP 429' });
  });
});

describe('accounts/check', () => {
  const entry = (plan: unknown) => ({ account: { account_id: 'x', plan_type: plan } });
  const check = { accounts: { 'id-a': entry('plus'), 'id-b': entry('team'), default: entry('free') }, account_ordering: ['id-a', 'id-b'] };

  it('gives the account ids in the page order, strings only', () => {
    expect(readAccountsCheck(check)?.accountIds).toEqual(['id-a', 'id-b']);
    expect(readAccountsCheck({ accounts: {}, account_ordering: ['a', 7, null, 'b'] })?.accountIds).toEqual(['a', 'b']);
    expect(readAccountsCheck({ accounts: {} })?.accountIds).toEqual([]);
  });

  it.each<[string, string | null, string | null]>([
    ['the account asked for', 'id-b', 'team'],
    ['no account known: the first in the page order', null, 'plus'],
    ['an account not listed: the default entry', 'id-z', 'free'],
  ])('%s', (_name, account, plan) => {
    expect(readAccountsCheck(check)?.planOf(account)).toBe(plan);
  });

  it.each([
    ['an empty plan', entry('')],
    ['a plan that is not a string', entry(3)],
    ['an absurdly long plan', entry('p'.repeat(41))],
    ['no account object', { plan_type: 'plus' }],
  ])('%s is no plan', (_name, value) => {
    expect(readAccountsCheck({ accounts: { only: value }, account_ordering: ['only'] })?.planOf(null)).toBeNull();
  });

  it.each([
    ['null', null],
    ['a list', []],
    ['no accounts', { account_ordering: ['a'] }],
    ['accounts as a list', { accounts: [entry('plus')] }],
    ['text', 'plus'],
  ])('%s is not an accounts/check answer', (_name, value) => {
    expect(readAccountsCheck(value)).toBeNull();
  });
});
