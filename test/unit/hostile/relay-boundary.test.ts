// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIAGNOSTICS_DELAY_MS } from '../../../lib/channel/delayed-batch';
import { PORT_HANDOVER } from '../../../lib/channel/port-handover';
import { fakeAccountReadings } from './hostile-envelopes';
import { startRelay, type PageRelay } from './page-relay';

/**
 * The relay's side of the page boundary: focus events a page dispatches itself, the port
 * hand-over kept from page listeners, and a second hand-over a page might post.
 */

const NOW = Date.UTC(2026, 8, 15, 12);
let relay: PageRelay;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  vi.resetModules();
  relay = await startRelay();
  // The page names its account: from now on a focus may announce it.
  const [reading] = fakeAccountReadings(1, NOW) as Array<{ account: string }>;
  relay.post({ kind: 'account', carrier: 'account', account: reading!.account });
});
afterEach(() => {
  relay.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('page-active', () => {
  it('20 000 focus events dispatched by the page send nothing', () => {
    let sent = 0;
    for (let index = 0; index < 20_000; index++) sent += relay.focus(false).length;
    expect(sent).toBe(0);
  });

  it("the browser's own focus events: one announcement per second at most, within the rate limit", () => {
    expect(relay.focus(true)).toEqual([{ type: 'page-active', account: 'acct-0000000000000000' }]);
    expect(relay.focus(true)).toEqual([]);
    vi.setSystemTime(NOW + 1000);
    expect(relay.focus(true)).toHaveLength(1);
    // Trusted focus every second for a minute: never more than the limiter's refill allows.
    let sent = 0;
    for (let second = 2; second < 62; second++) {
      vi.setSystemTime(NOW + second * 1000);
      sent += relay.focus(true).length;
    }
    expect(sent).toBeLessThanOrEqual(60);
  });

  it('nothing is announced before the page named its account', async () => {
    relay.stop();
    vi.resetModules();
    relay = await startRelay();
    expect(relay.focus(true)).toEqual([]);
  });
});

describe('the port hand-over', () => {
  it('is kept from every page listener, capturing or not; a later hand-over (a page port) is not taken', async () => {
    relay.stop();
    vi.resetModules();
    const seen: unknown[] = [];
    const listen = () => {
      window.addEventListener('message', (event) => seen.push(event.data), true);
      window.addEventListener('message', (event) => seen.push(event.data));
    };
    relay = await startRelay({ beforeHandover: listen });
    expect(seen).toEqual([]);
    const pagePort = { onmessage: null };
    window.dispatchEvent(new MessageEvent('message', { source: window, data: PORT_HANDOVER, ports: [pagePort as unknown as MessagePort] }));
    // The relay took the first port and stopped listening: the page's own message is the page's.
    expect(seen).toEqual([PORT_HANDOVER, PORT_HANDOVER]);
    expect(pagePort.onmessage).toBeNull();
  });
});

describe('diagnostics wait (lib/channel/delayed-batch.ts)', () => {
  const ignored = { kind: 'ignored', carrier: 'init', reason: 'body too large', account: null };
  const finding = (data: unknown) => (data as { finding: unknown }).finding;

  it('a diagnostic is not sent at once, a reading right after it is; the diagnostic follows the delay, dated', () => {
    expect(relay.postOnly(ignored)).toEqual([]);
    const [reading] = fakeAccountReadings(1, NOW);
    expect(relay.postOnly(reading)).toHaveLength(1);
    vi.setSystemTime(NOW + DIAGNOSTICS_DELAY_MS);
    const [late] = relay.afterDelay();
    expect(finding(late)).toEqual({ kind: 'ignored', carrier: 'init', reason: 'body too large' });
    expect(late).toMatchObject({ type: 'page-finding', heldMs: DIAGNOSTICS_DELAY_MS });
  });

  it("the page going away sends a waiting diagnostic at once; a page's own pagehide does not", () => {
    relay.postOnly(ignored);
    expect(relay.pageHide(false)).toEqual([]);
    const sent = relay.pageHide(true);
    expect(sent.map(finding)).toEqual([{ kind: 'ignored', carrier: 'init', reason: 'body too large' }]);
    expect(relay.afterDelay()).toEqual([]);
  });
});
