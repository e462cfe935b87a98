import type { ReplicaServer } from '../replica/replica-server';
import type { ExtensionUnderTest } from './extension-under-test';
import { launchBrowser, type LaunchedBrowser, type LaunchOptions } from './launch-browser';
import { ReplicaTab } from './replica-tab';

/** A browser with the extension, a fresh profile and one tab for chatgpt.com: where most specs start. */
export interface BrowserSession {
  browser: LaunchedBrowser;
  extension: ExtensionUnderTest;
  tab: ReplicaTab;
}

export async function startSession(
  replica: ReplicaServer,
  options: Omit<LaunchOptions, 'replicaPort' | 'withExtension'> = {},
): Promise<BrowserSession> {
  const browser = await launchBrowser({ ...options, replicaPort: replica.port, withExtension: true });
  if (browser.extension === null) throw new Error('launched without the extension');
  return { browser, extension: browser.extension, tab: await ReplicaTab.create(browser.context) };
}
