import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { pickQuotaFields } from '../../../lib/page/quota-fields';
import { joinStorage } from '../../../lib/extension/split-storage';

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

type RegisteredScript = Browser.scripting.RegisteredContentScript;

/** The browser's registered content scripts: they outlive the worker, and a restart keeps the persistent ones. */
let registered = new Map<string, RegisteredScript>();

const copyOf = (script: RegisteredScript): RegisteredScript => structuredClone(script);

/**
 * fakeBrowser has no scripting API: a stand-in that answers as Chrome and Firefox do (a duplicate id
 * or an unknown one rejects the whole call and changes nothing; the filter selects by id).
 */
function installScripting(registrations: Map<string, RegisteredScript>): void {
  registered = registrations;
  const selected = (filter?: Browser.scripting.ContentScriptFilter) =>
    [...registered.values()].filter((script) => filter?.ids === undefined || filter.ids.includes(script.id));
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: (filter?: Browser.scripting.ContentScriptFilter) => Promise.resolve(selected(filter).map(copyOf)),
    registerContentScripts: (scripts: RegisteredScript[]) => {
      const taken = scripts.find((script) => registered.has(script.id));
      if (taken) return Promise.reject(new Error(`Duplicate script ID '${taken.id}'`));
      for (const script of scripts) registered.set(script.id, copyOf(script));
      return Promise.resolve();
    },
    unregisterContentScripts: (filter?: Browser.scripting.ContentScriptFilter) => {
      const unknown = filter?.ids?.find((id) => !registered.has(id));
      if (unknown !== undefined) return Promise.reject(new Error(`Nonexistent script ID '${unknown}'`));
      for (const script of selected(filter)) registered.delete(script.id);
      return Promise.resolve();
    },
  });
}

/** What the browser would inject now: the registered content scripts. */
export function registeredScripts(): RegisteredScript[] {
  return [...registered.values()].map(copyOf);
}

/** Puts a registration into the browser as another version (or the user's browser) left it. */
export function setRegistration(script: RegisteredScript): void {
  registered.set(script.id, copyOf(script));
}

async function boot(options: WorkerOptions, registrations: Map<string, RegisteredScript>): Promise<void> {
  installPermissions(options);
  installScripting(registrations);
  vi.resetModules();
  const { default: background } = await import('../../../entrypoints/background');
  background.main();
}

/** Starts the service worker of a fresh install: fresh modules, then the background's main(). */
export async function startWorker(options: WorkerOptions = {}): Promise<void> {
  await boot(options, new Map());
}

/** An update of the extension: storage and every registration stay; the new worker starts and hears onInstalled. */
export async function updateExtension(): Promise<void> {
  const kept = await fakeBrowser.storage.local.get(null);
  const registrations = registered;
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(kept);
  await boot({}, registrations);
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
}

/** A browser restart: storage and persistent script registrations stay; listeners, badge, alarms and module state go. */
export async function restartBrowser(): Promise<void> {
  const kept = await fakeBrowser.storage.local.get(null);
  const persistent = [...registered].filter(([, script]) => script.persistAcrossSessions !== false);
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(kept);
  await boot({}, new Map(persistent));
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
  await boot(options, registered);
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
  return joinStorage(await fakeBrowser.storage.local.get(null))[key];
}

/** Lets the fire-and-forget work a listener started run to its end. */
export async function settle(rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Sends a message as the relay would, lets the background's work run to its end (`rounds` as in
 * `settle`), then moves the (faked) clock a second on, so that the next message is a later one.
 */
export async function sendSettled(message: unknown, sender: Browser.runtime.MessageSender = validSender(), rounds = 10): Promise<void> {
  await sendFromPage(message, sender);
  await settle(rounds);
  vi.setSystemTime(Date.now() + 1000);
}
