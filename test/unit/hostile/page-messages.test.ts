// @vitest-environment happy-dom
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { QuotaState } from '../../../lib/core/quota-state';
import { MAX_NEW_ACCOUNTS_PER_TAB } from '../../../lib/core/tab-accounts';
import { relayMessageSchema } from '../../../lib/channel/runtime-messages';
import { sendFromPage, settle, startWorker, stored } from '../background/worker';
import { fakeAccountReadings, hostileEnvelopes } from './hostile-envelopes';
import { PICKED_QUOTA_KEYS, startRelay, type PageRelay } from './page-relay';
import { invalidStoredValues, MAX_PICKED_QUOTA_CHARS } from './stored-values';

/**
 * Hostile messages on the page channel, through the whole chain: the relay's port listener
 * (structure, quota picking, size, rate limit), then the background (validation with the full
 * schemas, folding, storage). Whatever arrives: nothing throws, the relay forwards only
 * well-structured bounded messages, and storage only ever holds values its schemas accept.
 */

const NOW = Date.UTC(2026, 8, 15, 12);
const CASES = hostileEnvelopes(NOW);
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

let relay: PageRelay;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  await startWorker();
  await settle();
  relay = await startRelay();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Posts as the page, hands what the relay sent on to the background, and lets it finish. */
async function postThrough(data: unknown): Promise<unknown[]> {
  const forwarded = relay.post(data);
  for (const message of forwarded) {
    await sendFromPage(message);
    await settle();
    // The relay checks structure only: what the schemas reject, the background ignores and logs.
    if (!relayMessageSchema.safeParse(message).success)
      expect(await lastDiagnostic()).toEqual({ at: Date.now(), where: 'background', reason: 'malformed relay message' });
  }
  // The relay refills 2 messages a second: a second later, the next one passes whatever came before.
  vi.setSystemTime(Date.now() + 1000);
  return forwarded;
}

async function lastDiagnostic(): Promise<unknown> {
  return ((await stored('diagnostics')) as unknown[] | undefined)?.[0];
}

function expectWellFormed(message: unknown): void {
  expect(message).toMatchObject({ type: 'page-finding', finding: { kind: expect.any(String), carrier: expect.any(String) } });
  expect(JSON.stringify(message).length).toBeLessThan(MAX_PICKED_QUOTA_CHARS + 1000);
  const finding = (message as { finding?: { kind?: string; quota?: object } }).finding;
  if (finding?.kind === 'quota') expect(PICKED_QUOTA_KEYS).toEqual(expect.arrayContaining(Object.keys(finding.quota ?? {})));
}

async function backgroundTrouble(): Promise<unknown[]> {
  const log = ((await stored('diagnostics')) ?? []) as { where: string; reason: string }[];
  // 'background' entries other than a malformed message are errors the background caught (index.ts report()).
  return log.filter(
    (entry) => entry.where === 'background' && !['malformed relay message', 'too many new accounts'].includes(entry.reason),
  );
}

describe.each(CASES.map((hostile) => [hostile.name, hostile] as const))('%s', (_name, hostile) => {
  it(`${hostile.outcome}; nothing throws; storage stays valid`, async () => {
    const before = await stored('quotaState');
    const forwarded = await postThrough(hostile.envelope);
    expect(forwarded.length > 0, 'forwarded by the relay').toBe(hostile.outcome !== 'dropped by the relay');
    forwarded.forEach(expectWellFormed);
    const after = await stored('quotaState');
    expect(!isDeepStrictEqual(after, before), 'the stored state changed').toBe(hostile.outcome === 'stored');
    expect(invalidStoredValues(await fakeBrowser.storage.local.get(null))).toEqual([]);
    expect(await backgroundTrouble()).toEqual([]);
    // No name from the page reached Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(PROTOTYPE_NAMES);
    expect(({} as Record<string, unknown>).limits_progress).toBeUndefined();
  });
});

describe('what a page can and cannot do with numbers it forges', () => {
  it('its own small numbers land: the page may lie about its own quota, and only about that', async () => {
    await postThrough(hostileEnvelopes(NOW)[0]?.envelope);
    const state = (await stored('quotaState')) as QuotaState;
    expect(state.accounts.default?.features.image_gen).toMatchObject({ remaining: 7, source: 'init' });
  });

  it('all the hostile cases one after another leave one valid, bounded state', { timeout: 30_000 }, async () => {
    for (const hostile of CASES) await postThrough(hostile.envelope);
    const storage = await fakeBrowser.storage.local.get(null);
    expect(invalidStoredValues(storage)).toEqual([]);
    expect(JSON.stringify(storage).length).toBeLessThan(1024 * 1024);
    expect(await backgroundTrouble()).toEqual([]);
  });

  it('hundreds of made-up accounts from one tab: only its first few new keys are taken', { timeout: 30_000 }, async () => {
    for (const envelope of fakeAccountReadings(200, NOW)) await postThrough(envelope);
    const state = (await stored('quotaState')) as QuotaState;
    // Issue 23: a tab brings at most MAX_NEW_ACCOUNTS_PER_TAB new keys an hour (lib/core/tab-accounts.ts).
    expect(Object.keys(state.accounts)).toHaveLength(MAX_NEW_ACCOUNTS_PER_TAB);
    expect(state.activeAccount).toBe(`acct-${(MAX_NEW_ACCOUNTS_PER_TAB - 1).toString(16).padStart(16, '0')}`);
    expect(invalidStoredValues(await fakeBrowser.storage.local.get(null))).toEqual([]);
  });
});

describe('the relay rate limit (lib/channel/paced-sender.ts)', () => {
  // The relay's timer for what it holds back runs on the faked clock here.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'], now: NOW });
  });

  it('a flood of 5 000 messages in one go passes the burst of 20 at once, and only the last 32 wait', () => {
    const flood = fakeAccountReadings(5000, NOW);
    const forwarded = flood.flatMap((envelope) => relay.post(envelope));
    expect(forwarded).toHaveLength(20);
    vi.advanceTimersByTime(60_000);
    const waited = relay.sent.slice(20) as { account: string; heldMs: number }[];
    expect(waited.map(({ account }) => account)).toEqual((flood.slice(-32) as { account: string }[]).map(({ account }) => account));
    // Two a second: the 32nd waited 16 seconds, and says so.
    expect(waited.map(({ heldMs }) => heldMs)).toEqual(Array.from({ length: 32 }, (_, index) => (index + 1) * 500));
  });

  it("the page going away sends what waits, once; a page's own pagehide event sends nothing", () => {
    const flood = fakeAccountReadings(100, NOW);
    for (const envelope of flood) relay.post(envelope);
    expect(relay.sent).toHaveLength(20);
    expect(relay.pageHide(false)).toEqual([]);
    const sent = relay.pageHide(true) as { account: string }[];
    expect(sent.map(({ account }) => account)).toEqual((flood.slice(-32) as { account: string }[]).map(({ account }) => account));
    expect(relay.pageHide(true)).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(relay.sent).toHaveLength(20 + 32);
  });

  it('then 2 a second, never more', () => {
    const flood = fakeAccountReadings(5000, NOW);
    for (const envelope of flood) {
      // 5 000 messages over 10 seconds.
      vi.advanceTimersByTime(2);
      relay.post(envelope);
    }
    expect(relay.sent).toHaveLength(20 + 2 * 10 - 1);
    vi.advanceTimersByTime(60_000);
    expect(relay.sent).toHaveLength(20 + 2 * 10 - 1 + 32);
  });
});

describe('random messages on the channel', () => {
  const kinds = fc.constantFrom('quota', 'refusal', 'cooldown', 'model-cap', 'plan', 'account', 'ignored');
  const carriers = fc.constantFrom('init', 'stream', 'resume', 'websocket', 'account');
  const hex = fc.stringMatching(/^acct-[0-9a-f]{16}$/);
  const some = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: fc.anything() });
  const item = fc.record(
    {
      feature_name: some(fc.constantFrom('image_gen', '__proto__', 'constructor', 'x'.repeat(600))),
      remaining: some(fc.oneof(fc.integer(), fc.double())),
      reset_after: some(fc.string()),
    },
    { requiredKeys: [] },
  );
  const quota = fc.record(
    {
      type: some(fc.constant('conversation_detail_metadata')),
      limits_progress: some(fc.array(item, { maxLength: 70 })),
      blocked_features: some(fc.array(fc.anything(), { maxLength: 70 })),
    },
    { requiredKeys: [] },
  );
  const envelope = fc.record(
    {
      account: some(fc.oneof(fc.constant(null), hex)),
      kind: some(kinds),
      carrier: some(carriers),
      quota: some(quota),
      feature: some(fc.constant('image_gen')),
      resetsInMs: some(fc.oneof(fc.integer(), fc.double())),
      cooldownMs: some(fc.integer()),
      clearsInMs: some(fc.integer()),
      plan: some(fc.string()),
      reason: some(fc.string()),
    },
    { requiredKeys: ['account'] },
  );

  it(
    'the relay never throws and forwards only well-formed, bounded messages; the background stores only valid values',
    { timeout: 60_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(envelope, fc.anything()), async (data) => {
          const forwarded = await postThrough(data);
          forwarded.forEach(expectWellFormed);
        }),
        { numRuns: 200 },
      );
      expect(invalidStoredValues(await fakeBrowser.storage.local.get(null))).toEqual([]);
      expect(await backgroundTrouble()).toEqual([]);
    },
  );
});
