import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { pickQuotaFields } from '../../../lib/quota-fields';

/**
 * Runs the background as a browser would: a fresh module graph per worker start (nothing in
 * memory survives a restart), fakeBrowser for the APIs, real events fired with `.trigger()`.
 */

type Listener = (...args: unknown[]) => unknown;

/** fakeBrowser has no permissions API; the optional `notifications` permission is not granted. */
function installPermissions(): void {
  const listeners: Listener[] = [];
  const event = {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: Listener) => listeners.includes(listener),
  };
  Object.assign(fakeBrowser, {
    permissions: { contains: () => Promise.resolve(false), onAdded: event, onRemoved: event },
  });
}

/** Starts the service worker: fresh modules, then the background's main(). */
export async function startWorker(): Promise<void> {
  installPermissions();
  vi.resetModules();
  const { default: background } = await import('../../../entrypoints/background');
  background.main();
}

/** A browser restart: storage stays, listeners, badge, alarms and module state go. */
export async function restartBrowser(): Promise<void> {
  const kept = await fakeBrowser.storage.local.get(null);
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(kept);
  await startWorker();
  await fakeBrowser.runtime.onStartup.trigger();
}

export const CHATGPT_TAB = { id: 7, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false } as Browser.tabs.Tab;

export function validSender(): Browser.runtime.MessageSender {
  return { id: fakeBrowser.runtime.id, tab: CHATGPT_TAB, frameId: 0, url: 'https://chatgpt.com/c/69eb5a4b' };
}

/** What the relay sends for a quota object the page received: its quota fields only. */
export function quotaMessage(quota: unknown, carrier: 'init' | 'stream' | 'resume' = 'init', account: string | null = null) {
  return { type: 'page-finding', finding: { kind: 'quota', carrier, quota: pickQuotaFields(quota) }, account };
}

export function sendFromPage(message: unknown, sender: Browser.runtime.MessageSender = validSender()) {
  return fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
}

function hexOf([red, green, blue]: number[]): string {
  return `#${[red, green, blue].map((channel) => (channel ?? 0).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

export async function badge(): Promise<{ text: string; color: string; title: string }> {
  const [text, color, title] = await Promise.all([
    fakeBrowser.action.getBadgeText({}),
    fakeBrowser.action.getBadgeBackgroundColor({}),
    fakeBrowser.action.getTitle({}),
  ]);
  return { text, color: hexOf(color as number[]), title };
}

export async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

/** Lets the fire-and-forget work a listener started run to its end. */
export async function settle(rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}
