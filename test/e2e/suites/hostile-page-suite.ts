import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ACCOUNTS, type QuotaState } from '../../../lib/core/quota-state';
import { MAX_NEW_ACCOUNTS_PER_TAB } from '../../../lib/core/tab-accounts';
import { HISTORY_VERSION, localDayOf, type UsageHistory } from '../../../lib/core/usage-history';
import { accountKeyOf } from '../../../lib/page/account-key';
import type { BrowserUnderTest, OpenBrowser } from '../harness/browser-under-test';
import type { ExtensionHandle } from '../harness/extension-handle';
import { ReplicaTab } from '../harness/replica-tab';
import { settledBadge } from '../harness/scenario-runner';
import { frames, json, raw, stream } from '../replica/answers';
import type { ReplicaServer } from '../replica/replica-server';
import { syntheticCapture } from '../scenarios/captures';
import { codexUsageAsOf } from '../scenarios/codex-usage';
import { HOUR, quotaJson, quotaObject, wireTime } from '../scenarios/quota-objects';
import { turnStream } from '../scenarios/turn-streams';
import { websocketTurnFramesWith } from '../scenarios/websocket-turn';
import {
  countPatchedCalls,
  forgeSocketEvents,
  forgeThroughHookedListener,
  postTurnWatchingStalls,
  requestsForAccounts,
  stopStallWatch,
} from './hostile-page-scripts';

/**
 * Issue 23: what a hostile page script can do to the extension, each tried for real in the page
 * (the findings of the outside review), in any browser the suites run in. Each assertion fails if
 * its protection is removed:
 * - socket events the page dispatches itself, or hands to a listener it caught by hooking
 *   EventTarget.prototype.addEventListener, move nothing (lib/page/websocket-observer.ts); the
 *   same frames, sent by the server, do move the badge;
 * - a made-up chatgpt-account-id on requests that fail files nothing under it: the next reading
 *   goes to the real account (lib/page/fetch-observer.ts learns accounts from 2xx answers only);
 * - a page that patches String, Array, typed-array, JSON, RegExp, TextDecoder, BigInt, Set, Map
 *   and Promise built-ins and some globals, plants getters on Object.prototype and redefines
 *   document.baseURI, counts the same calls with the extension as a browser without it, in the same
 *   run against the same replica, while it fetches every kind of answer we read and takes a socket
 *   turn; and its planted getters change no reading (lib/page/page-natives.ts);
 * - a flood of made-up accounts, answered 2xx by the server, from several tabs, leaves the real
 *   account's quota state and 60-day history as they were, and stays bounded
 *   (lib/core/tab-accounts.ts, lib/core/account-eviction.ts), and a reading after it writes its own
 *   account's keys, not every account's state (lib/extension/split-storage.ts);
 * - a refusal text built to make the reset-time regex crawl does not hold the page's main thread
 *   (lib/page/turn-refusals.ts).
 */

const now = Date.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough for the interceptor to read every body and the background to store what it was given. */
const SETTLE_MS = 1500;
const RAW_REAL = 'hostile-real-account-0000-0001';
const RAW_PATCHED = 'hostile-patched-account-0000-0002';
const refusal = JSON.parse(syntheticCapture('tool_image_quota_refusal_en.json')) as { message: { content: Record<string, unknown> } };
/** A hidden tab's timers may run once a second; the regex before issue 23 held the thread for seconds. */
const MAX_STALL_MS = 2000;
const REAL_KEY = accountKeyOf(RAW_REAL);
const FLOOD_TABS = 4;
/** Per tab: more than a tab may introduce in an hour, so the rate is what stops the rest. */
const FLOOD_PER_TAB = MAX_NEW_ACCOUNTS_PER_TAB + 2;

/** What one small reading may write to storage (JSON characters), however many accounts are stored (issue 23, finding 7). */
const MAX_READING_WRITES = 4096;

const images = (remaining: number) => raw(200, 'application/json', quotaJson({ limits: { image_gen: { remaining } } }, now));

interface Stored {
  quota: QuotaState;
  history: UsageHistory | undefined;
  local: Record<string, unknown>;
}

async function stored(extension: ExtensionHandle): Promise<Stored> {
  const local = await extension.storage();
  return { quota: local.quotaState as QuotaState, history: local.usageHistory as UsageHistory | undefined, local };
}

/** Waits until the extension has written nothing for a second (the flood's last readings stored), at most 15 s. */
async function storageQuiet(extension: ExtensionHandle): Promise<void> {
  for (let tries = 0; tries < 15; tries++) {
    const stop = await extension.logWrites();
    await sleep(1000);
    if (Object.keys(await stop()).length === 0) return;
  }
  throw new Error('storage never went quiet');
}

function imagesOf(state: QuotaState, account: string): number | undefined {
  return state.accounts[account]?.features.image_gen?.remaining;
}

/**
 * Calls a browser makes on the page's behalf that the extension cannot avoid, per run of the
 * patched page: at most this many on top of those without the extension (see each browser's spec
 * for why).
 */
export type AcceptedCalls = Record<string, number>;

export function describeHostilePage(target: BrowserUnderTest, acceptedCalls: AcceptedCalls = {}): void {
  describe(`a hostile page script, in ${target.name}`, () => {
    let replica: ReplicaServer;
    let withExtension: OpenBrowser;
    let bare: OpenBrowser;
    let extension: ExtensionHandle;
    const tabs: ReplicaTab<unknown>[] = [];

    async function openTab(browser: OpenBrowser, path = '/'): Promise<ReplicaTab<unknown>> {
      const tab = ReplicaTab.on(await browser.newTab());
      tabs.push(tab);
      await tab.load(path);
      return tab;
    }

    beforeAll(async () => {
      replica = await target.startReplica();
      withExtension = await target.launch(replica, { withExtension: true });
      bare = await target.launch(replica, { withExtension: false });
      if (withExtension.extension === null) throw new Error('launched without the extension');
      extension = withExtension.extension;
    }, 120_000);
    afterAll(async () => {
      await Promise.all([withExtension, bare].map((browser) => browser?.close()));
      await replica?.close();
    });

    describe('a page that patches built-ins and plants Object.prototype getters before fetching', () => {
      const runs: Record<'without' | 'with', Awaited<ReturnType<typeof countPatchedCalls>>> = {} as never;

      beforeAll(async () => {
        for (const [name, browser] of [
          ['without', bare],
          ['with', withExtension],
        ] as const) {
          const tab = await openTab(browser);
          replica.script({
            init: [images(61)],
            // A turn with its quota event, one with the image tool's refusal, then a 429 without
            // `detail`: only a planted getter could make that a model cap.
            conversation: [
              stream(turnStream(quotaJson({ limits: { image_gen: { remaining: 60 } } }, now))),
              stream(turnStream(null, undefined, [refusal])),
              json({ message: 'Too many requests' }, 429),
            ],
            codexUsage: [json(codexUsageAsOf(now))],
            memories: [json(JSON.parse(syntheticCapture('memories-full.json')))],
            websocket: [frames(websocketTurnFramesWith(now, 59, wireTime(now + 5 * HOUR)))],
          });
          runs[name] = await tab.evaluate(countPatchedCalls, { settleMs: SETTLE_MS, account: RAW_PATCHED });
          expect(replica.unusedAnswers(), name).toEqual([]);
        }
      }, 60_000);

      it('the page made its calls and its patches counted them (the counters work)', () => {
        for (const run of Object.values(runs)) {
          expect(run.statuses).toEqual([200, 200, 200, 200, 429, 200, 1000]);
          expect(run.ownCall).toBe(1);
        }
      });

      it('the page counted the very same calls with the extension as without it', () => {
        console.log(`patched calls counted without the extension: ${JSON.stringify(runs.without.counts)}`);
        console.log(`patched calls counted with the extension:    ${JSON.stringify(runs.with.counts)}`);
        // Each accepted label may be counted up to its number more often (the browser's, not ours);
        // every other count must be the same.
        const withOnly = (counts: Record<string, number>) =>
          Object.fromEntries(Object.entries(counts).filter(([label]) => !(label in acceptedCalls)));
        expect(withOnly(runs.with.counts)).toEqual(withOnly(runs.without.counts));
        for (const [label, calls] of Object.entries(acceptedCalls)) {
          const [withCount, withoutCount] = [runs.with.counts[label] ?? 0, runs.without.counts[label] ?? 0];
          expect(withCount - withoutCount, label).toBeGreaterThanOrEqual(0);
          expect(withCount - withoutCount, label).toBeLessThanOrEqual(calls);
        }
      });

      it('the extension read every matched answer, and the planted getters changed no reading', async () => {
        const { quota, local } = await stored(extension);
        const account = quota.accounts[accountKeyOf(RAW_PATCHED)];
        expect(Object.keys(quota.accounts)).toEqual([accountKeyOf(RAW_PATCHED)]);
        expect(Object.keys(account?.features ?? {})).toContain('image_gen');
        expect(Object.keys(account?.features ?? {})).not.toContain('planted_feature');
        expect(account?.codex).toBeDefined();
        // Every road was read: init, the turn's quota event, the refusal, Codex usage, memory, the socket's frames.
        const last = (local.lastFindings ?? {}) as Record<string, unknown>;
        expect(Object.keys(last)).toEqual(expect.arrayContaining(['codex-usage', 'init', 'memory', 'refusal', 'stream', 'websocket']));
        // The 429 had no `detail`: the getter planted on Object.prototype must not have made it a model cap.
        expect(last['model-cap']).toBeUndefined();
      });
    });

    describe('socket events the page makes', () => {
      const forged = websocketTurnFramesWith(now, 3, wireTime(now + 5 * HOUR));
      let tab: ReplicaTab<unknown>;
      let before: Stored;

      beforeAll(async () => {
        replica.script({ init: [images(117)] });
        tab = await openTab(withExtension);
        expect((await settledBadge(extension, { text: '117', status: 'normal' })).text).toBe('117');
        before = await stored(extension);
      });

      it('a MessageEvent the page dispatches on a chatgpt socket moves nothing', async () => {
        replica.script({ websocket: [frames([])] });
        const received = await tab.evaluate(forgeSocketEvents, forged);
        // The page's own listener got every forged event: they were dispatched, and ignored by us only.
        expect(received).toBe(forged.length);
        await sleep(SETTLE_MS);
        expect((await settledBadge(extension)).text).toBe('117');
        expect((await stored(extension)).quota).toEqual(before.quota);
      });

      it('a page that hooks addEventListener before the socket is made catches no listener of ours, and calling what it caught moves nothing', async () => {
        replica.script({ websocket: [frames([])] });
        const caught = await tab.evaluate(forgeThroughHookedListener, forged);
        // Only the page's own listener went through the hook.
        expect(caught).toEqual({ listeners: 1, calls: 2 * forged.length });
        await sleep(SETTLE_MS);
        expect((await settledBadge(extension)).text).toBe('117');
        expect((await stored(extension)).quota).toEqual(before.quota);
      });

      it('the same frames, sent by the server, do move the badge', async () => {
        replica.script({ websocket: [frames(forged)] });
        await tab.receiveOverWebSocket();
        expect((await settledBadge(extension, { text: '3', status: 'low' })).text).toBe('3');
      });
    });

    describe('made-up account ids on requests that fail, then accounts flooded in', () => {
      let tab: ReplicaTab<unknown>;
      let accountsBefore: string[];
      const madeUp = ['made-up-403', 'made-up-404', 'made-up-500', 'made-up-aborted'];

      beforeAll(async () => {
        replica.script({ init: [images(50)] });
        tab = await openTab(withExtension, `/?account=${RAW_REAL}`);
        await settledBadge(extension, { text: '50', status: 'normal' });
        const { quota } = await stored(extension);
        expect(imagesOf(quota, REAL_KEY)).toBe(50);
        accountsBefore = Object.keys(quota.accounts).sort();
      });

      it('failed requests naming made-up accounts, then a real answer: filed under the real account, no account added', async () => {
        // Each failing answer carries a quota body: only its status keeps it from being read.
        const failing = (status: number) => json(quotaObject({ limits: { image_gen: { remaining: 1 } } }, now), status);
        replica.script({ init: [failing(403), failing(404), failing(500), images(42)] });
        const statuses = await tab.evaluate(requestsForAccounts, { ids: madeUp, abortLast: true, thenUnnamed: true });
        expect(statuses).toEqual([403, 404, 500, 'aborted', 200]);
        await settledBadge(extension, { text: '42', status: 'normal' });
        const { quota, local } = await stored(extension);
        expect(imagesOf(quota, REAL_KEY)).toBe(42);
        expect(Object.keys(quota.accounts).sort()).toEqual(accountsBefore);
        const everything = JSON.stringify([local, await extension.storage('session')]);
        for (const id of madeUp) expect(everything).not.toContain(accountKeyOf(id));
      });

      it('a flood of made-up accounts, answered 2xx, from several tabs: the real account and its 60-day history intact, the flood bounded', async () => {
        // 60 days of real history, as weeks of use would have left it.
        const today = localDayOf(now, new Date(now).getTimezoneOffset());
        const days = Array.from({ length: 60 }, (_, index): [number, number] => [today - 59 + index, 1 + (index % 5)]);
        const history: UsageHistory = { version: HISTORY_VERSION, accounts: { [REAL_KEY]: { image_gen: days } } };
        await extension.writeStorage({ usageHistory: history });
        const before = await stored(extension);
        const flooding = [tab, ...(await Promise.all(Array.from({ length: FLOOD_TABS - 1 }, () => openTab(withExtension))))];
        const ids = flooding.map((_, tabIndex) => Array.from({ length: FLOOD_PER_TAB }, (_, index) => `flood-${tabIndex}-${index}`));
        for (const [tabIndex, flooder] of flooding.entries()) {
          // Two readings per made-up account, the second lower: each is more than a one-off, with a use to its name.
          replica.script({ init: ids[tabIndex]!.flatMap(() => [images(9), images(4)]) });
          const statuses = await flooder.evaluate(requestsForAccounts, { ids: ids[tabIndex]!, twice: true });
          expect(statuses).toEqual(Array.from({ length: 2 * FLOOD_PER_TAB }, () => 200));
        }
        await sleep(SETTLE_MS);
        await settledBadge(extension);
        const after = await stored(extension);
        const added = Object.keys(after.quota.accounts).filter((key) => !(key in before.quota.accounts));
        console.log(`accounts after the flood: ${Object.keys(after.quota.accounts).length} (${added.length} made up)`);
        // The flood reached the background (the test is not vacuous), and no further than the bounds.
        expect(added.length).toBeGreaterThan(0);
        expect(Object.keys(after.quota.accounts).length).toBeLessThanOrEqual(MAX_ACCOUNTS);
        for (const [tabIndex] of flooding.entries()) {
          for (const id of ids[tabIndex]!.slice(MAX_NEW_ACCOUNTS_PER_TAB)) expect(added).not.toContain(accountKeyOf(id));
        }
        expect(after.quota.accounts[REAL_KEY]).toEqual(before.quota.accounts[REAL_KEY]);
        expect(after.history?.accounts[REAL_KEY]).toEqual({ image_gen: days });
      });

      it("after the flood, a reading of the real account writes that account's keys only, not every account's state", async () => {
        await storageQuiet(extension);
        const stop = await extension.logWrites();
        replica.script({ init: [images(41)] });
        expect(await tab.evaluate(requestsForAccounts, { ids: [RAW_REAL] })).toEqual([200]);
        await settledBadge(extension, { text: '41', status: 'normal' });
        await sleep(SETTLE_MS);
        const writes = await stop();
        const total = Object.values(writes).reduce((sum, chars) => sum + chars, 0);
        console.log(`a reading after the flood wrote ${total} characters: ${JSON.stringify(writes)}`);
        const accountKeys = Object.keys(writes).filter((key) => /^(quotaState|usageHistory|modelCounts)\//.test(key));
        expect(accountKeys.every((key) => key.endsWith(`/${REAL_KEY}`))).toBe(true);
        expect(writes[`quotaState/${REAL_KEY}`]).toBeGreaterThan(0);
        expect(total).toBeLessThan(MAX_READING_WRITES);
      });
    });

    describe("a refusal whose text is built to make the reset-time regex crawl on the page's main thread", () => {
      // 64 K characters of "1天" that are not the span, then the span: the unanchored regex before
      // issue 23 retried the run from each of its starts (4-5 s in the review); the reset is 10 hours.
      const text = `image_gen ${'1天'.repeat(32_768)}。10小时后重置`;
      const crawler = { message: { ...refusal.message, content: { ...refusal.message.content, text } } };

      it('the page never stalls, and the refusal is still read', async () => {
        const tab = await openTab(withExtension);
        const refusalNow = async () =>
          JSON.stringify(((await extension.storage()).lastFindings as Record<string, unknown> | undefined)?.refusal);
        const before = await refusalNow();
        replica.script({ conversation: [stream(turnStream(null, undefined, [crawler]))] });
        expect(await tab.evaluate(postTurnWatchingStalls, undefined)).toBe(200);
        // The watch runs until the refusal is stored: a regex that held the page's thread would be in it.
        const started = Date.now();
        while ((await refusalNow()) === before) {
          if (Date.now() - started > 30_000) throw new Error('the refusal was never read');
          await sleep(100);
        }
        const longestStallMs = await tab.evaluate(stopStallWatch, undefined);
        console.log(`longest stall of the page's main thread while the refusal was read: ${longestStallMs.toFixed(0)} ms`);
        expect(longestStallMs).toBeLessThan(MAX_STALL_MS);
        expect(JSON.parse((await refusalNow()) ?? 'null')).toMatchObject({ finding: { kind: 'refusal', resetsInMs: 10 * HOUR } });
      });
    });

    it('the page threw nothing, and the extension logged no error', () => {
      expect(tabs.flatMap((tab) => tab.pageErrors)).toEqual([]);
      expect(extension.errors.errors).toEqual([]);
    });
  });
}
