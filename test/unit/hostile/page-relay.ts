import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DIAGNOSTICS_DELAY_MS } from '../../../lib/channel/delayed-batch';
import { PORT_HANDOVER } from '../../../lib/channel/port-handover';

/**
 * The isolated relay (entrypoints/relay.ts) as the interceptor drives it: the port is
 * handed over with a window message, then each finding arrives as a port message (a structured
 * clone of what was posted). What the relay sends to the background is collected, not delivered,
 * so that a test can hand it on with the sender the background expects.
 */

export interface PageRelay {
  /**
   * Posts on the port as the interceptor would; returns what the relay sent on for this message,
   * a diagnostic included: the relay holds one for a while (lib/channel/delayed-batch.ts), and
   * here that while is over at once.
   */
  post(data: unknown): unknown[];
  /** Posts as `post` does, but the relay's diagnostics delay is not over: returns what was sent at once. */
  postOnly(data: unknown): unknown[];
  /** The relay's diagnostics delay is over: returns what it then sent. */
  afterDelay(): unknown[];
  /** Dispatches a focus event, trusted (as the browser's) or not (as a page's); returns what was sent on. */
  focus(trusted: boolean): unknown[];
  /** Dispatches pagehide on the window (the page going away), trusted or not; returns what was sent on. */
  pageHide(trusted: boolean): unknown[];
  /** Everything the relay sent so far. */
  sent: unknown[];
  /** Removes the relay's listeners (a page's window lives on between tests). */
  stop(): void;
}

export interface RelayStart {
  /** Runs after the relay started and before the port is handed over: where a page's listeners would be added. */
  beforeHandover?: () => void;
}

interface FakePort {
  onmessage: ((event: { data: unknown }) => void) | null;
}

type Added = [EventTarget, string, EventListenerOrEventListenerObject, boolean | AddEventListenerOptions | undefined];

/** Runs `start`, noting every listener it adds to window and document. */
async function noteListeners(start: () => unknown): Promise<Added[]> {
  const added: Added[] = [];
  const spies = [window, document].map((target: EventTarget) => {
    const add = target.addEventListener.bind(target);
    return vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      if (listener) added.push([target, type, listener, options]);
      add(type, listener, options);
    });
  });
  await start();
  for (const spy of spies) spy.mockRestore();
  return added;
}

/** An event as the browser makes it (trusted) or as a page script does. */
function windowEvent(type: string, trusted: boolean): Event {
  const event = new Event(type);
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

export async function startRelay({ beforeHandover }: RelayStart = {}): Promise<PageRelay> {
  const sent: unknown[] = [];
  // The relay's diagnostics delay (lib/channel/delayed-batch.ts) is noted, not waited for: `post`
  // and `runDelayed` run it. Every other timer is the one in place (a test may fake them).
  const delayed: (() => void)[] = [];
  const timeout = globalThis.setTimeout;
  vi.stubGlobal('setTimeout', ((run: () => void, ms?: number) => {
    if (ms !== DIAGNOSTICS_DELAY_MS) return timeout(run, ms);
    delayed.push(run);
    return 0;
  }) as typeof setTimeout);
  const runDelayed = () => {
    for (const run of delayed.splice(0)) run();
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => void sent.push(message));
  // The relay talks to `browser` (or `chrome`) directly, without the polyfill: fakeBrowser stands in.
  vi.stubGlobal('browser', fakeBrowser);
  const { default: relay } = await import('../../../entrypoints/relay');
  const added = await noteListeners(() => relay.main());
  beforeHandover?.();
  const port: FakePort = { onmessage: null };
  window.dispatchEvent(new MessageEvent('message', { source: window, data: PORT_HANDOVER, ports: [port as unknown as MessagePort] }));
  if (!port.onmessage) throw new Error('the relay did not take the port');
  const onMessage = port.onmessage;
  const sentDuring = (act: () => void) => {
    const before = sent.length;
    act();
    return sent.slice(before);
  };
  const deliver = (data: unknown) => onMessage({ data: structuredClone(data) });
  return {
    sent,
    stop: () => added.forEach(([target, type, listener, options]) => target.removeEventListener(type, listener, options)),
    post: (data) =>
      sentDuring(() => {
        deliver(data);
        runDelayed();
      }),
    postOnly: (data) => sentDuring(() => deliver(data)),
    afterDelay: () => sentDuring(runDelayed),
    focus: (trusted) => sentDuring(() => window.dispatchEvent(windowEvent('focus', trusted))),
    pageHide: (trusted) => sentDuring(() => window.dispatchEvent(windowEvent('pagehide', trusted))),
  };
}

/** The keys a picked quota object may have (lib/page/quota-fields.ts PickedQuota). */
export const PICKED_QUOTA_KEYS = [
  'type',
  'default_model_slug',
  'intended_default_model_slug',
  'limits_progress',
  'blocked_features',
  'model_limits',
  'unknown_fields',
];
