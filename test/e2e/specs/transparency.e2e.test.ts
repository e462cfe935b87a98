import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuotaState } from '../../../lib/core/quota-state';
import { featureOf, PROBES } from '../transparency/probe-expectations';
import { runSide, type SideRun } from '../transparency/probe-run';
import { ProbeServer } from '../transparency/probe-server';

/**
 * Promise 3 (issue 7, point 2): the interceptor is invisible to the page. One page script
 * (transparency/page/probes.js) runs a list of named probes against chatgpt.com (the probe server)
 * and writes down everything the page can see: responses, headers, body digests, bodyUsed,
 * rejections, abort behaviour, the order of stream events, fetch's and WebSocket's own facts, and
 * what a page that wraps them later sees. It runs in Chromium without the extension, then with it;
 * the two records must be equal, probe by probe, except where transparency/probe-expectations.ts
 * says why not. The extension must also have read every matched probe, and only those.
 */

type Record_ = Record<string, unknown>;

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((inner, key) => (inner as Record_ | undefined)?.[key], value);
}

function without(value: unknown, paths: string[]): unknown {
  const copy = structuredClone(value) as Record_;
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    const parent = at(copy, keys.join('.')) as Record_ | undefined;
    if (keys.length === 0) delete copy[last];
    else if (parent) delete parent[last];
  }
  return copy;
}

function featuresIn(storage: Record_ | null): Set<string> {
  const state = storage?.quotaState as QuotaState | undefined;
  return new Set(Object.values(state?.accounts ?? {}).flatMap((account) => Object.keys(account.features)));
}

describe('the page sees the same with and without the extension', () => {
  let server: ProbeServer;
  let plain: SideRun & { probeNames: string[] };
  let extended: SideRun & { probeNames: string[] };

  beforeAll(async () => {
    server = await ProbeServer.start();
    plain = await runSide(server, false);
    extended = await runSide(server, true);
  }, 90_000);
  afterAll(() => server?.close());

  it('the page runs exactly the probes this spec has expectations for', () => {
    expect(plain.probeNames).toEqual(Object.keys(PROBES));
    expect(extended.probeNames).toEqual(plain.probeNames);
  });

  it.each(Object.entries(PROBES))('%s', (name, expectation) => {
    const [before, after] = [plain.record[name], extended.record[name]];
    expect(before, 'the probe ran').toBeDefined();
    expect(at(before, 'probeFailed'), 'the probe itself failed').toBeUndefined();
    const accepted = Object.keys(expectation.differs ?? {});
    for (const path of accepted) {
      console.log(
        `${name}.${path} (accepted difference: ${expectation.differs?.[path]})\n` +
          `  without: ${JSON.stringify(at(before, path))}\n  with:    ${JSON.stringify(at(after, path))}`,
      );
      expect(isDeepStrictEqual(at(before, path), at(after, path)), `${name}.${path} was expected to differ`).toBe(false);
    }
    expect(without(after, accepted)).toEqual(without(before, accepted));
  });

  it('fetch.toString() and String(fetch) give the native source with the extension too', () => {
    const identity = extended.record['fetch-identity'] as Record_;
    expect(identity.toStringMethod).toBe('function fetch() { [native code] }');
    expect(identity.string).toBe(identity.toStringMethod);
  });

  it("the page's first listener saw no message of ours, and nothing the page saw names the extension", () => {
    const early = (run: SideRun) => (run.record['early-listener-messages'] as { messages: string[] }).messages;
    expect(early(extended)).toEqual(early(plain));
    expect(extended.extensionId).toMatch(/^[a-p]{32}$/);
    expect(JSON.stringify(extended.record)).not.toContain(extended.extensionId);
    expect(JSON.stringify(extended.record)).not.toContain('quota-meter');
  });

  it('the server received the same requests, with the same bodies and headers', () => {
    expect(extended.served.length).toBeGreaterThan(Object.keys(PROBES).length);
    // The same requests, compared as a multiset: probes that leave a request in flight (an aborted
    // stream, a removed frame) let it reach the server a little earlier or later on a busy machine.
    const sorted = (served: unknown[]) => served.map((request) => JSON.stringify(request)).sort();
    expect(sorted(extended.served)).toEqual(sorted(plain.served));
  });

  it('no uncaught error or unhandled rejection in the page beyond those without the extension', () => {
    expect(extended.pageTrouble).toEqual(plain.pageTrouble);
    expect(extended.pageErrors).toEqual(plain.pageErrors);
    expect(extended.consoleErrors).toEqual(plain.consoleErrors);
  });

  it('the extension logged no error', () => {
    // Chromium files the page's own failed WebSocket connections under the script on top of the
    // stack, which is our constructor Proxy: the same message appears without the extension.
    expect(extended.extensionErrors.filter((error) => !plain.consoleErrors.includes(error.text))).toEqual([]);
  });

  it('the extension read every matched probe, and only those', () => {
    const expected = Object.values(PROBES).flatMap((probe) => probe.reads.map(featureOf));
    const read = [...featuresIn(extended.storage)].filter((feature) => feature.startsWith('p_'));
    expect(read.sort()).toEqual([...new Set(expected)].sort());
  });

  it('the legacy HTTP 429 of a turn was read as the model cap', () => {
    // Later full readings replaced the blocked list, so the last finding of its kind tells.
    const last = extended.storage?.lastFindings as Record<string, { finding: unknown }> | undefined;
    expect(last?.['model-cap']?.finding).toEqual({ kind: 'model-cap', carrier: 'stream', clearsInMs: 9_665_000 });
  });
});
