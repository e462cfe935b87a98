import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * The isolated relay (entrypoints/relay.content.ts) as a page drives it: its `message` listener
 * gets what window.postMessage delivers, a structured clone of what the page posted, with the
 * page's window as source. What it sends to the background is collected, not delivered, so that
 * a test can hand it on with the sender the background expects.
 */

export interface PageRelay {
  /** Posts as the page would; returns what the relay sent on for this message. */
  post(data: unknown): unknown[];
  /** Everything the relay sent so far. */
  sent: unknown[];
}

type Listener = (event: { source: unknown; data: unknown }) => void;

export async function startRelay(): Promise<PageRelay> {
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => void sent.push(message));
  const { default: relay } = await import('../../../entrypoints/relay.content');
  const listeners = new Map<string, Listener>();
  const ctx = { addEventListener: (_target: unknown, type: string, listener: Listener) => listeners.set(type, listener) };
  await relay.main(ctx as unknown as ContentScriptContext);
  const onMessage = listeners.get('message');
  if (!onMessage) throw new Error('the relay did not listen to window messages');
  return {
    sent,
    post(data) {
      const before = sent.length;
      onMessage({ source: window, data: structuredClone(data) });
      return sent.slice(before);
    },
  };
}

/** The keys a picked quota object may have (lib/page/quota-fields.ts PickedQuota). */
export const PICKED_QUOTA_KEYS = ['type', 'default_model_slug', 'intended_default_model_slug', 'limits_progress', 'blocked_features', 'model_limits', 'unknown_fields'];
