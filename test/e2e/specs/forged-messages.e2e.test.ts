import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaState } from '../../../lib/core/quota-state';
import { fakeAccountReadings, hostileEnvelopes } from '../../unit/hostile/hostile-envelopes';
import { invalidStoredValues } from '../../unit/hostile/stored-values';
import type { ExtensionUnderTest } from '../harness/extension-under-test';
import { launchBrowser, type LaunchedBrowser } from '../harness/launch-browser';
import { settledBadge } from '../harness/scenario-runner';
import { forgedReading, postFromPage } from '../transparency/forgeries';
import { PROBE_PAGE } from '../transparency/probe-run';
import { ProbeServer } from '../transparency/probe-server';

/**
 * Issue 13: the page cannot write into the extension. Findings travel from the MAIN-world script
 * to the relay on a private MessagePort handed over before any page script runs
 * (lib/channel/port-handover.ts): whatever a page posts on its window (every hostile case of the
 * unit suites, the old channel's envelope, a flood, a port of its own dressed as the hand-over)
 * reaches nothing, while the page's real responses are still read. Nor can a page switch the
 * relay off with WXT's "newer script started" event, even knowing the extension id.
 *
 * What a forged message would do had it got through (bounds, storage, notifications) is tested
 * through the relay's port listener and the background in test/unit/hostile.
 */

const HOUR = 3_600_000;
const FLOOD = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function features(storage: Record<string, unknown>): string[] {
  const state = storage.quotaState as QuotaState | undefined;
  return Object.values(state?.accounts ?? {})
    .flatMap((account) => Object.keys(account.features))
    .sort();
}

let sentinels = 0;
/** Has the page fetch a real init answer carrying a feature of its own; waits until it is stored. */
async function realReading(page: Page, extension: ExtensionUnderTest): Promise<{ feature: string; storage: Record<string, unknown> }> {
  const feature = `sentinel_${++sentinels}`;
  await page.evaluate(
    (name) => fetch(`/backend-api/conversation/init?b=quota-json&f=${name}`).then((response) => response.text()),
    feature,
  );
  const started = Date.now();
  for (;;) {
    const storage = await extension.storage();
    if (features(storage).includes(feature)) return { feature, storage };
    if (Date.now() - started > 15_000) throw new Error(`the real reading ${feature} never landed`);
    await sleep(100);
  }
}

let server: ProbeServer;
let browser: LaunchedBrowser;
let extension: ExtensionUnderTest;
let page: Page;
const now = Date.now();

beforeAll(async () => {
  server = await ProbeServer.start();
  browser = await launchBrowser({ replicaPort: server.port });
  extension = browser.extension as ExtensionUnderTest;
  page = await browser.context.newPage();
  await page.goto(PROBE_PAGE);
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('messages a page posts on its window', () => {
  it('every hostile case, in the channel format and in the old window envelope, reaches nothing; a real answer still lands', async () => {
    const cases = hostileEnvelopes(now).map((_, index) => index);
    const { posted } = await postFromPage(page, hostileEnvelopes, [now], { cases });
    expect(posted).toBeGreaterThan(50);
    await postFromPage(page, forgedReading, [{ image_gen: 1, forged_old_envelope: 0 }, now + HOUR]);
    const { feature, storage } = await realReading(page, extension);
    expect(features(storage)).toEqual([feature]);
    expect(invalidStoredValues(storage)).toEqual([]);
  });

  it(`a flood of ${FLOOD} readings and 300 made-up accounts reach nothing`, async () => {
    await page.goto(PROBE_PAGE);
    const readings = Array.from({ length: FLOOD }, (_, index) => [{ [`flood_${index}`]: index % 1000 }, now + HOUR, null]);
    const { posted } = await postFromPage(page, forgedReading, [], { each: readings });
    await postFromPage(page, fakeAccountReadings, [300, now]);
    expect(posted).toBe(FLOOD);
    const { storage } = await realReading(page, extension);
    expect(features(storage).filter((name) => name.startsWith('flood_'))).toEqual([]);
    expect(Object.keys((storage.quotaState as QuotaState).accounts)).toEqual(['default']);
  });

  it('a port of its own, posted as the hand-over after load, is not taken', async () => {
    await page.goto(PROBE_PAGE);
    const accepted = await page.evaluate(async () => {
      const channel = new MessageChannel();
      window.postMessage('quota-meter:port', location.origin, [channel.port2]);
      channel.port1.postMessage({
        kind: 'quota',
        carrier: 'init',
        account: null,
        quota: { limits_progress: [{ feature_name: 'forged_port', remaining: 1 }] },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return true;
    });
    expect(accepted).toBe(true);
    const { storage } = await realReading(page, extension);
    expect(features(storage)).not.toContain('forged_port');
  });

  it('WXT\'s "newer script started" event, dispatched by a page that knows the id, does not switch the relay off', async () => {
    await page.goto(PROBE_PAGE);
    await page.evaluate((id) => {
      for (const script of ['relay', 'page-chip', 'interceptor']) {
        const type = `${id}:${script}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: script, messageId: 'page' } }));
        window.postMessage({ type, contentScriptName: script, messageId: 'page' }, '*');
      }
    }, extension.id);
    await sleep(200);
    await realReading(page, extension);
  });

  it('the service worker threw nothing, and the badge is valid', async () => {
    expect(extension.errors.errors).toEqual([]);
    const log = ((await extension.storage()).diagnostics ?? []) as { where: string; reason: string }[];
    expect(log.filter((entry) => entry.where === 'background')).toEqual([]);
    expect((await settledBadge(extension)).text).toMatch(/^\d*$/);
  });
});
