import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SEEN_ONCE } from '../../../lib/core/account-eviction';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRelayMessage } from '../../../entrypoints/background/finding-handler';
import { MAX_ACCOUNTS, quotaStateSchema, type QuotaState } from '../../../lib/core/quota-state';
import { sendFromPage, settle, startWorker, stored } from '../background/worker';
import { fakeAccountReadings, hostileEnvelopes } from './hostile-envelopes';
import { invalidStoredValues } from './stored-values';

/**
 * The background on its own, as if the relay were compromised or confused: it gets the page's
 * hostile envelopes as runtime messages without the relay's validation or quota picking, and
 * runtime messages of any shape at all. It validates again (lib/channel/runtime-messages.ts,
 * entrypoints/background/finding-handler.ts): nothing rejects, nothing invalid is stored, and
 * state stays bounded.
 */

const NOW = Date.UTC(2026, 8, 15, 12);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The relay's message for an envelope, built without the relay's checks: the finding as the page wrote it. */
function unchecked(envelope: unknown): unknown {
  if (typeof envelope !== 'object' || envelope === null) return { type: 'page-finding', finding: envelope, account: null };
  const { account, ...finding } = envelope as Record<string, unknown>;
  return { type: 'page-finding', finding, account };
}

const OTHER_MESSAGES: [string, unknown][] = [
  ['undefined', undefined],
  ['a string', 'page-finding'],
  ['an empty object', {}],
  ['an unknown type', { type: 'set-settings', settings: { notifications: true } }],
  ['page-finding without a finding', { type: 'page-finding', account: null }],
  ['page-active for __proto__', { type: 'page-active', account: '__proto__' }],
  ['page-active for an account without readings', { type: 'page-active', account: 'acct-00000000000000ff' }],
  ['page-active without an account', { type: 'page-active' }],
  [
    'a finding whose quota is the whole CDM, unpicked, with private fields',
    {
      type: 'page-finding',
      account: null,
      finding: {
        kind: 'quota',
        carrier: 'stream',
        quota: {
          type: 'conversation_detail_metadata',
          conversation_id: 'c-secret',
          banner_info: { text: 'secret' },
          limits_progress: [{ feature_name: 'image_gen', remaining: 3, reset_after: null, note: 'secret' }],
        },
      },
    },
  ],
];

const TABLE: [string, unknown][] = [
  ...hostileEnvelopes(NOW).map((hostile): [string, unknown] => [hostile.name, unchecked(hostile.envelope)]),
  ...OTHER_MESSAGES,
];

describe('every hostile message, handed to the background unchecked', () => {
  it.each(TABLE)('%s: handled without rejecting; storage stays valid', async (_name, message) => {
    const handled = await handleRelayMessage(message, NOW);
    expect(handled === null || quotaStateSchema.safeParse(handled.state).success).toBe(true);
    expect(invalidStoredValues(await fakeBrowser.storage.local.get(null))).toEqual([]);
  });

  it(
    'all of them in a row through the worker leave one valid state of bounded size, keeping no private field',
    { timeout: 30_000 },
    async () => {
      await startWorker();
      for (const [, message] of TABLE) {
        await sendFromPage(message);
        await settle();
      }
      const storage = await fakeBrowser.storage.local.get(null);
      expect(invalidStoredValues(storage)).toEqual([]);
      expect(JSON.stringify(storage).length).toBeLessThan(1024 * 1024);
      expect(JSON.stringify(storage)).not.toContain('secret');
      const log = ((await stored('diagnostics')) ?? []) as { where: string; reason: string }[];
      // Ignored messages are logged as such; anything else under 'background' is an error it caught.
      expect(
        log.filter((entry) => entry.where === 'background' && !['malformed relay message', 'message too large'].includes(entry.reason)),
      ).toEqual([]);
    },
  );

  it('readings for hundreds of accounts, each from its own tab, keep at most ten, newcomers at most three', async () => {
    let tab = 1000;
    for (const envelope of fakeAccountReadings(300, NOW)) await handleRelayMessage(unchecked(envelope), NOW, tab++);
    const state = (await stored('quotaState')) as QuotaState;
    // Each seen once: the quarantine bound, not the account bound, holds them (lib/core/account-eviction.ts).
    expect(Object.keys(state.accounts)).toHaveLength(MAX_SEEN_ONCE);
    expect(Object.keys(state.accounts).length).toBeLessThanOrEqual(MAX_ACCOUNTS);
    expect(invalidStoredValues(await fakeBrowser.storage.local.get(null))).toEqual([]);
  });
});

describe('runtime messages of any shape', () => {
  const findingLike = fc.record(
    {
      kind: fc.oneof(fc.constantFrom('quota', 'refusal', 'cooldown', 'model-cap', 'plan', 'account', 'ignored'), fc.anything()),
      carrier: fc.oneof(fc.constantFrom('init', 'stream', 'resume', 'websocket', 'account'), fc.anything()),
      quota: fc.anything({ withNullPrototype: true, withMap: true, withDate: true, withTypedArray: true }),
      feature: fc.oneof(fc.constant('image_gen'), fc.anything()),
      resetsInMs: fc.oneof(fc.integer(), fc.double(), fc.anything()),
      cooldownMs: fc.oneof(fc.integer(), fc.double()),
      clearsInMs: fc.oneof(fc.integer(), fc.double()),
      plan: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')),
      reason: fc.string(),
    },
    { requiredKeys: ['kind'] },
  );
  const message = fc.oneof(
    fc.record(
      {
        type: fc.oneof(fc.constantFrom('page-finding', 'page-active'), fc.anything()),
        finding: findingLike,
        account: fc.oneof(fc.constant(null), fc.stringMatching(/^acct-[0-9a-f]{16}$/), fc.anything()),
      },
      { requiredKeys: ['type'] },
    ),
    fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withDate: true }),
  );

  it('the background never rejects and stores only valid values', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(message, async (value) => {
        await handleRelayMessage(value, Date.now());
        vi.setSystemTime(Date.now() + 1000);
      }),
      { numRuns: 300 },
    );
    expect(invalidStoredValues(await fakeBrowser.storage.local.get(null))).toEqual([]);
  });
});

describe('bounds the background keeps itself', () => {
  it('a message over the size cap is ignored and logged, even one the schemas would accept', async () => {
    const texts = Array.from({ length: 64 }, (_, index) => ({
      name: `blocked_${index}`,
      resets_after_text: 'w'.repeat(500),
      description: 'd'.repeat(500),
    }));
    const message = {
      type: 'page-finding',
      account: null,
      finding: { kind: 'quota', carrier: 'init', quota: { type: 'conversation_detail_metadata', blocked_features: texts } },
    };
    expect(await handleRelayMessage(message, NOW)).toBeNull();
    expect(await stored('quotaState')).toBeUndefined();
    expect(((await stored('diagnostics')) as unknown[])[0]).toEqual({ at: NOW, where: 'background', reason: 'message too large' });
  });

  it('page-active for the account already active changes nothing: no write, no repaint', async () => {
    const [reading] = fakeAccountReadings(1, NOW) as Array<{ account: string }>;
    await handleRelayMessage(unchecked(reading), NOW);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await handleRelayMessage({ type: 'page-active', account: reading!.account }, NOW)).toBeNull();
    expect(set).not.toHaveBeenCalled();
  });
});

describe('diagnostics hold fixed codes only', () => {
  it.each([
    ['a free-text ignored reason', { kind: 'ignored', carrier: 'init', reason: 'Re-login at chatgpt-verify.example' }],
    ['a reason that only starts like a status', { kind: 'ignored', carrier: 'init', reason: 'HTTP 500 see chatgpt-verify.example' }],
  ])('%s is not logged as it came', async (_name, finding) => {
    await handleRelayMessage({ type: 'page-finding', account: null, finding }, NOW);
    const log = (await stored('diagnostics')) as Array<{ where: string; reason: string }>;
    expect(JSON.stringify(log)).not.toContain('chatgpt-verify');
    expect(log[0]).toEqual({ at: NOW, where: 'background', reason: 'malformed relay message' });
  });

  it("a rejected reading is logged as a code, without the path into the page's data", async () => {
    const quota = {
      type: 'conversation_detail_metadata',
      limits_progress: [{ feature_name: 'Re-login at chatgpt-verify.example', remaining: -1 }],
    };
    await handleRelayMessage({ type: 'page-finding', account: null, finding: { kind: 'quota', carrier: 'init', quota } }, NOW);
    expect(await stored('diagnostics')).toEqual([{ at: NOW, where: 'init', reason: 'reading rejected' }]);
  });

  it('a stored log with free text reads as empty', async () => {
    const { diagnosticsStore } = await import('../../../lib/extension/diagnostics-log');
    expect(diagnosticsStore.resolve([{ at: NOW, where: 'init', reason: 'visit chatgpt-verify.example' }]).value).toEqual([]);
    expect(diagnosticsStore.resolve([{ at: NOW, where: 'init', reason: 'HTTP 503' }]).value).toHaveLength(1);
  });
});
