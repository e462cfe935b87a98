// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRelay, type PageRelay } from './page-relay';

/**
 * Codex usage findings through the light relay: passed on (the background picks and validates
 * them), unless the usage is not an object, the carrier is unknown or the message is oversized.
 */

const ACCOUNT = 'acct-0000000000000000';
let relay: PageRelay;

beforeEach(async () => {
  vi.resetModules();
  relay = await startRelay();
});
afterEach(() => {
  relay.stop();
  vi.unstubAllGlobals();
});

const usage = { rate_limit: { primary_window: { used_percent: 37, reset_at: 1_790_000_000, limit_window_seconds: 18_000 } } };

describe('a codex-usage finding', () => {
  it('is passed on with its usage, and nothing else of the message', () => {
    expect(relay.post({ kind: 'codex-usage', carrier: 'codex-usage', usage, account: ACCOUNT, extra: 'x' })).toEqual([
      { type: 'page-finding', finding: { kind: 'codex-usage', carrier: 'codex-usage', usage }, account: ACCOUNT },
    ]);
  });

  it.each([
    ['usage missing', { kind: 'codex-usage', carrier: 'codex-usage', account: ACCOUNT }],
    ['usage a string', { kind: 'codex-usage', carrier: 'codex-usage', usage: 'x', account: ACCOUNT }],
    ['usage a list', { kind: 'codex-usage', carrier: 'codex-usage', usage: [usage], account: ACCOUNT }],
    ['unknown carrier', { kind: 'codex-usage', carrier: 'wham', usage, account: ACCOUNT }],
    ['oversized', { kind: 'codex-usage', carrier: 'codex-usage', usage: { ...usage, plan_type: 'x'.repeat(40_000) }, account: ACCOUNT }],
  ])('is dropped when %s', (_name, message) => {
    expect(relay.post(message)).toEqual([]);
  });
});
