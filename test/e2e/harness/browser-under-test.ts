import type { ReplicaServer } from '../replica/replica-server';
import type { SeenRequest } from './browser-requests';
import type { ExtensionHandle } from './extension-handle';
import { ReplicaTab } from './replica-tab';
import type { TabDriver } from './tab-driver';

/**
 * The browser a cross-browser spec runs in. Specs written against this (test/e2e/suites/) run in
 * Chromium and in Firefox alike; what only one browser has (Chromium's service worker and CDP,
 * Playwright's locators) stays in that browser's own specs.
 */

export interface OpenBrowser {
  readonly profileDir: string;
  /** Null when launched without the extension. */
  readonly extension: ExtensionHandle | null;
  newTab(): Promise<TabDriver>;
  /** Every request the browser's tabs and the extension are seen to make from now on (browser-requests.ts). */
  recordRequests(): Promise<SeenRequest[]>;
  /** Closes the browser; the profile is deleted unless it is kept for a restart. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface BrowserUnderTest {
  readonly name: 'chromium' | 'firefox';
  /** A replica this browser reaches as chatgpt.com. */
  startReplica(): Promise<ReplicaServer>;
  /** Pass `profileDir` of an earlier run to restart the same browser profile. */
  launch(replica: ReplicaServer, options?: { withExtension?: boolean; profileDir?: string }): Promise<OpenBrowser>;
}

/** A browser with the extension, a fresh profile and one tab for chatgpt.com. */
export interface Session {
  browser: OpenBrowser;
  extension: ExtensionHandle;
  tab: ReplicaTab<unknown>;
}

export async function startSessionIn(target: BrowserUnderTest, replica: ReplicaServer): Promise<Session> {
  const browser = await target.launch(replica, { withExtension: true });
  if (browser.extension === null) throw new Error('launched without the extension');
  return { browser, extension: browser.extension, tab: ReplicaTab.on(await browser.newTab()) };
}
