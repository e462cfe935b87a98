import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLORS, type BadgeStatus } from '../../../lib/alerts/quota-badge';
import { MAX_ACCOUNTS, type QuotaState } from '../../../lib/core/quota-state';
import type { Settings } from '../../../lib/alerts/settings';
import { fakeAccountReadings, hostileEnvelopes } from '../../unit/hostile/hostile-envelopes';
import { invalidStoredValues, MAX_STORED_CHARS } from '../../unit/hostile/stored-values';
import { badgeColorOf } from '../harness/badge-colors';
import { repoRoot } from '../harness/extension-build';
import type { Badge, ExtensionGlobal, ExtensionUnderTest } from '../harness/extension-under-test';
import { launchBrowser, type LaunchedBrowser } from '../harness/launch-browser';
import { settledBadge } from '../harness/scenario-runner';
import { forgedReading, maximalReading, postFromPage } from '../transparency/forgeries';
import { PROBE_PAGE } from '../transparency/probe-run';
import { ProbeServer } from '../transparency/probe-server';

/**
 * Issue 7, point 3: messages forged by the page. Page code on chatgpt.com can post on our channel
 * (window.postMessage, 'quota-meter:page', version 1) anything it likes. In the built extension:
 * storage only ever holds values that pass the schemas, stays under a bound computed from the
 * code's own limits, keeps at most ten accounts; the service worker throws nothing; the badge
 * shows a valid badge; the relay's rate limit drops most of a flood; and a notifications-enabled
 * build notifies once per feature and window, whatever the page repeats.
 *
 * What a page CAN do, and is accepted: state its own numbers (a valid small reading lands, as the
 * page's own responses would), and name new features or new windows, each of which is new.
 */

const HOUR = 3_600_000;
/** chrome.storage.local's quota without the unlimitedStorage permission. */
const STORAGE_QUOTA_BYTES = 10 * 1024 * 1024;
/** The relay lets a burst of 20 through per page load; one is kept for the sentinel. */
const BATCH = 19;
const FLOOD = 5000;
const FLOOD_ACCOUNT = 'acct-f100d00000000000';
/**
 * Each heaviest reading costs the worker more as state grows (measured on a loaded 2-core machine:
 * about 1 s for the first, over 10 s once ten accounts hold one each, 2.4 M characters), so the
 * spec stores two; the bound on accounts is checked with light readings above.
 */
const HEAVY_ACCOUNTS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function storedState(storage: Record<string, unknown>): QuotaState | undefined {
  return storage.quotaState as QuotaState | undefined;
}

/** Waits until a reading of `feature` is stored: the background has handled everything posted before it. */
async function waitForFeature(extension: ExtensionUnderTest, feature: string, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const started = Date.now();
  for (;;) {
    const storage = await extension.storage();
    const accounts = Object.values(storedState(storage)?.accounts ?? {});
    if (accounts.some((account) => Object.hasOwn(account.features, feature))) return storage;
    if (Date.now() - started > timeoutMs) throw new Error(`the sentinel reading ${feature} never landed`);
    await sleep(100);
  }
}

let sentinels = 0;
/** A valid reading of a feature of its own, posted last in a batch. */
function sentinel(now: number): { feature: string; message: unknown } {
  const feature = `sentinel_${++sentinels}`;
  return { feature, message: forgedReading({ [feature]: 50 }, now + 5 * HOUR) };
}

function expectValidBadge(badge: Badge): void {
  expect(badge.text).toMatch(/^(\d{1,3}|999\+)?$/);
  const colours = (Object.keys(BADGE_COLORS) as BadgeStatus[]).map((status) => JSON.stringify(badgeColorOf(status)));
  expect(colours).toContain(JSON.stringify(badge.color));
}

function expectSound(storage: Record<string, unknown>): void {
  expect(invalidStoredValues(storage)).toEqual([]);
  expect(JSON.stringify(storage).length).toBeLessThan(MAX_STORED_CHARS);
  expect(Object.keys(storedState(storage)?.accounts ?? {}).length).toBeLessThanOrEqual(MAX_ACCOUNTS);
}

async function freshPage(page: Page): Promise<void> {
  // A new document: the relay starts again with a full burst.
  await page.goto(PROBE_PAGE);
}

let server: ProbeServer;
beforeAll(async () => {
  server = await ProbeServer.start();
});
afterAll(() => server?.close());

describe('messages forged by the page (the shipped build)', () => {
  let browser: LaunchedBrowser;
  let extension: ExtensionUnderTest;
  let page: Page;
  const now = Date.now();

  beforeAll(async () => {
    browser = await launchBrowser({ replicaPort: server.port });
    extension = browser.extension as ExtensionUnderTest;
    page = await browser.context.newPage();
    await freshPage(page);
  });
  afterAll(() => browser?.close());

  it('a valid small reading lands: the page may state its own numbers (accepted, as its own responses would)', async () => {
    const mark = sentinel(now);
    await postFromPage(page, hostileEnvelopes, [now], { cases: [0], then: mark.message });
    await waitForFeature(extension, mark.feature);
    expect((await settledBadge(extension)).text).toBe('7');
  });

  it(`every hostile case, ${BATCH} to a page load: storage only ever holds valid values, under the bound`, async () => {
    const count = hostileEnvelopes(now).length;
    for (let start = 0; start < count; start += BATCH) {
      await freshPage(page);
      const mark = sentinel(now);
      const cases = Array.from({ length: Math.min(BATCH, count - start) }, (_, index) => start + index);
      const { notCloneable } = await postFromPage(page, hostileEnvelopes, [now], { cases, then: mark.message });
      expect(notCloneable).toBe(0);
      expectSound(await waitForFeature(extension, mark.feature));
      expectValidBadge(await extension.badge());
    }
  });

  it('300 made-up accounts: at most ten are kept', async () => {
    await freshPage(page);
    await postFromPage(page, fakeAccountReadings, [300, now]);
    const storage = (await settledBadge(extension), await extension.storage());
    expectSound(storage);
    expect(Object.keys(storedState(storage)?.accounts ?? {})).toHaveLength(MAX_ACCOUNTS);
  });

  it(`a flood of ${FLOOD} messages in a loop: the relay's rate limit drops nearly all`, async () => {
    await freshPage(page);
    const started = Date.now();
    // Each message a reading of a feature of its own, so that those that got through can be counted.
    const readings = Array.from({ length: FLOOD }, (_, index) => [{ [`flood_${index}`]: index % 1000 }, now + HOUR, FLOOD_ACCOUNT]);
    const { posted, postingMs } = await postFromPage(page, forgedReading, [], { each: readings });
    await settledBadge(extension);
    const elapsedSeconds = (Date.now() - started) / 1000;
    const storage = await extension.storage();
    const landed = Object.keys(storedState(storage)?.accounts[FLOOD_ACCOUNT]?.features ?? {}).filter((name) => name.startsWith('flood_')).length;
    console.log(`flood: ${posted} posted in ${postingMs.toFixed(0)} ms, ${landed} landed (a burst of 20, then 2 a second over ${elapsedSeconds.toFixed(1)} s at most)`);
    expect(posted).toBe(FLOOD);
    expect(landed).toBeGreaterThanOrEqual(20);
    expect(landed).toBeLessThanOrEqual(20 + Math.ceil(2 * elapsedSeconds));
    expectSound(storage);
  });

  it(`the heaviest readings the schemas accept, for ${HEAVY_ACCOUNTS} accounts: over the relay's 32 KB cap, so never passed on`, { timeout: 90_000 }, async () => {
    // They would cost the background seconds each (see HEAVY_ACCOUNTS); real findings are a few KB.
    await freshPage(page);
    const accounts = Array.from({ length: HEAVY_ACCOUNTS }, (_, index) => `acct-${index.toString(16).padStart(16, 'e')}`);
    for (const account of accounts) await postFromPage(page, maximalReading, [account, account, now]);
    const mark = sentinel(now);
    await postFromPage(page, hostileEnvelopes, [now], { cases: [], then: mark.message });
    const storage = await waitForFeature(extension, mark.feature);
    expectSound(storage);
    for (const account of accounts) expect(storedState(storage)?.accounts[account]).toBeUndefined();
    expect(MAX_STORED_CHARS).toBeLessThan(STORAGE_QUOTA_BYTES);
  });

  it('the service worker threw nothing and logged no error, and caught none', async () => {
    expect(extension.errors.errors).toEqual([]);
    const log = ((await extension.storage()).diagnostics ?? []) as { where: string; reason: string }[];
    // The background's own catch (entrypoints/background/index.ts report()) logs under 'background'.
    expect(log.filter((entry) => entry.where === 'background')).toEqual([]);
    expectValidBadge(await extension.badge());
  });
});

describe('notifications from forged readings (test build: notifications required)', () => {
  const OUT_DIR = '.output-e2e';
  let browser: LaunchedBrowser;
  let extension: ExtensionUnderTest;
  let page: Page;
  const now = Date.now();
  const window1 = now + 5 * HOUR;
  const window2 = now + 15 * HOUR;

  beforeAll(async () => {
    // wxt.config.ts makes `notifications` required in this variant (headless Chromium never answers a prompt).
    execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, env: { ...process.env, QUOTA_METER_E2E: '1', QUOTA_METER_OUT_DIR: OUT_DIR }, stdio: 'ignore' });
    browser = await launchBrowser({ replicaPort: server.port, extensionDir: path.join(repoRoot, OUT_DIR, 'chrome-mv3') });
    extension = browser.extension as ExtensionUnderTest;
    const settings: Settings = { version: 1, badgeFeature: 'image_gen', lowThresholds: {}, notifications: true, refillNotifications: true, runOutForecast: false, pageChip: false };
    await extension.writeStorage({ settings });
    page = await browser.context.newPage();
  }, 120_000);
  afterAll(() => browser?.close());

  async function notifications(): Promise<string[]> {
    const worker = await extension.worker();
    return Object.keys(await worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.notifications.getAll())).sort();
  }

  async function clearNotifications(): Promise<void> {
    const worker = await extension.worker();
    await worker.evaluate(async () => {
      const { notifications: api } = (globalThis as ExtensionGlobal).chrome;
      for (const id of Object.keys(await api.getAll())) await api.clear(id);
    });
  }

  /** Posts readings from a fresh page, then a sentinel; returns the notifications shown since the last clear. */
  async function forge(readings: Array<[Record<string, number>, number]>): Promise<string[]> {
    await freshPage(page);
    for (const [features, resetsAt] of readings) await postFromPage(page, forgedReading, [features, resetsAt]);
    const mark = sentinel(now);
    await postFromPage(page, forgedReading, [{ [mark.feature]: 50 }, window1]);
    await waitForFeature(extension, mark.feature);
    await settledBadge(extension);
    return notifications();
  }

  const ids = (entries: Array<[kind: string, feature: string]>) => entries.map(([kind, feature]) => `${kind}|default|${feature}`).sort();
  const withoutWindow = (list: string[]) => list.map((id) => id.split('|').slice(0, 3).join('|')).sort();

  it('the build has the permission, and forged readings notify once per feature, kind and window', async () => {
    const worker = await extension.worker();
    expect(await worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(true);
    // Low, then used up, each posted three times, then three more features used up: five notices.
    const shown = await forge([
      ...Array.from({ length: 3 }, (): [Record<string, number>, number] => [{ image_gen: 5 }, window1]),
      ...Array.from({ length: 3 }, (): [Record<string, number>, number] => [{ image_gen: 0 }, window1]),
      ...Array.from({ length: 3 }, (): [Record<string, number>, number] => [{ forged_a: 0, forged_b: 0, forged_c: 0 }, window1]),
    ]);
    expect(withoutWindow(shown)).toEqual(ids([['low', 'image_gen'], ['exhausted', 'image_gen'], ['exhausted', 'forged_a'], ['exhausted', 'forged_b'], ['exhausted', 'forged_c']]));
  });

  it('the same readings again, and reset times a few minutes either side, notify nothing more', async () => {
    await clearNotifications();
    const again: Array<[Record<string, number>, number]> = [];
    for (const shift of [0, -3 * 60_000, 3 * 60_000]) {
      again.push([{ image_gen: 5 }, window1 + shift], [{ image_gen: 0 }, window1 + shift], [{ forged_a: 0, forged_b: 0, forged_c: 0 }, window1 + shift]);
    }
    expect(await forge(again)).toEqual([]);
  });

  it('a forged new window is a new window: one notice per feature in it, then none', async () => {
    await clearNotifications();
    const shown = await forge([
      [{ image_gen: 0 }, window2],
      [{ image_gen: 0 }, window2],
    ]);
    expect(withoutWindow(shown)).toEqual(ids([['exhausted', 'image_gen']]));
    await clearNotifications();
    expect(await forge([[{ image_gen: 0 }, window2]])).toEqual([]);
  });

  it('the service worker threw nothing and logged no error', () => {
    expect(extension.errors.errors).toEqual([]);
  });
});
