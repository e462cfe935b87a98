import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { pickQuotaFields } from '../../../lib/page/quota-fields';

/**
 * Runs the background as a browser would: a fresh module graph per worker start (nothing in
 * memory survives a restart), fakeBrowser for the APIs, real events fired with `.trigger()`.
 */

type Listener = (...args: unknown[]) => unknown;

export interface WorkerOptions {
  /** Whether the user granted the optional `notifications` permission (not by default). */
  notificationsGranted?: boolean;
}

/** fakeBrowser has no permissions API: a stand-in that answers `contains` as the test says. */
function installPermissions({ notificationsGranted = false }: WorkerOptions): void {
  const listeners: Listener[] = [];
  const event = {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: Listener) => listeners.includes(listener),
  };
  Object.assign(fakeBrowser, {
    permissions: { contains: () => Promise.resolve(notificationsGranted), onAdded: event, onRemoved: event },
  });
}

/** Starts the service worker: fresh modules, then the background's main(). */
export async function startWorker(options: WorkerOptions = {}): Promise<void> {
  installPermissions(options);
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

/**
 * The service worker stops and starts again (the browser does this after 30 s idle): storage,
 * alarms and shown notifications stay; listeners and everything in memory go.
 */
export async function restartWorker(options: WorkerOptions = {}): Promise<void> {
  const [local, session, alarms] = await Promise.all([
    fakeBrowser.storage.local.get(null),
    fakeBrowser.storage.session.get(null),
    fakeBrowser.alarms.getAll(),
  ]);
  const shown = fakeBrowser.notifications.getAllCreateOptions();
  fakeBrowser.reset();
  await Promise.all([fakeBrowser.storage.local.set(local), fakeBrowser.storage.session.set(session)]);
  for (const alarm of alarms) await fakeBrowser.alarms.create(alarm.name, { when: alarm.scheduledTime });
  for (const [id, notification] of Object.entries(shown)) await fakeBrowser.notifications.create(id, notification);
  await startWorker(options);
}

export const CHATGPT_TAB = {
  id: 7,
  index: 0,
  windowId: 1,
  highlighted: true,
  active: true,
  pinned: false,
  incognito: false,
} as Browser.tabs.Tab;

export function validSender(): Browser.runtime.MessageSender {
  return { id: fakeBrowser.runtime.id, tab: CHATGPT_TAB, frameId: 0, url: 'https://chatgpt.com/c/69eb5a4b' };
}

/** What the relay sends for a quota object the page received: its quota fields only. */
export function quotaMessage(quota: unknown, carrier: 'init' | 'stream' | 'resume' = 'init', account: string | null = null) {
  return { type: 'page-finding', finding: { kind: 'quota', carrier, quota: pickQuotaFields(quota) }, account };
}

/** What the relay sends for any other finding (refusal, plan, account...). */
export function findingMessage(finding: Record<string, unknown>, account: string | null = null) {
  return { type: 'page-finding', finding, account };
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
