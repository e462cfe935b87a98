import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import type { SeenRequest } from '../browser-requests';
import { PROFILES_ENV } from '../../global-setup';
import type { OpenBrowser } from '../browser-under-test';
import { firefoxExecutable } from './firefox-executable';
import { FirefoxExtension } from './firefox-extension';
import { FirefoxExtensionErrors } from './firefox-extension-errors';
import { firefoxPrefs } from './firefox-prefs';
import { installIntoProfile } from './packed-extension';
import { puppeteerTab } from './puppeteer-tab';
import { startReplicaProxy } from './replica-proxy';

/**
 * Starts Firefox ESR through puppeteer over WebDriver BiDi (docs/testing.md, "End-to-end in
 * Firefox"), headless, with the profile prefs of firefox-prefs.ts and, unless told otherwise, the
 * packed extension installed in the profile. chatgpt.com is the replica on `replicaPort`, reached
 * through a CONNECT proxy of this browser's own (replica-proxy.ts), closed with it. Pass
 * `profileDir` of an earlier run to restart it.
 */
export interface LaunchedFirefox extends OpenBrowser {
  readonly extension: FirefoxExtension | null;
}

export async function launchFirefox(options: {
  replicaPort: number;
  withExtension?: boolean;
  profileDir?: string;
}): Promise<LaunchedFirefox> {
  const withExtension = options.withExtension ?? true;
  const profilesParent = process.env[PROFILES_ENV] ?? tmpdir();
  const profileDir = options.profileDir ?? mkdtempSync(path.join(profilesParent, 'quota-meter-firefox-'));
  if (withExtension) installIntoProfile(profileDir);
  const proxy = await startReplicaProxy(options.replicaPort);
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: firefoxExecutable(),
      headless: true,
      // The replica's certificate is made at run time (replica/certificate.ts).
      acceptInsecureCerts: true,
      userDataDir: profileDir,
      // Without it, Firefox 153 refuses WebDriver navigation to moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: firefoxPrefs(proxy.port),
    })
    .catch(async (error: unknown) => {
      await proxy.close();
      throw error;
    });
  const errors = new FirefoxExtensionErrors();
  const recorders: ((page: Page) => void)[] = [];
  browser.on('targetcreated', (target: { page(): Promise<Page | null> }) => {
    void target.page().then((page) => page && recorders.forEach((record) => record(page)));
  });
  const extension = withExtension ? await FirefoxExtension.attach(browser, errors) : null;
  return {
    profileDir,
    extension,
    async newTab() {
      const page = await browser.newPage();
      errors.watch(page);
      return puppeteerTab(page);
    },
    /**
     * Requests of the browser's tabs, extension pages included. The background page is not a
     * browsing context WebDriver BiDi reports on: its requests are not seen here (the replica's
     * own log still shows any that reached chatgpt.com).
     */
    async recordRequests() {
      const seen: SeenRequest[] = [];
      const record = (page: Page) =>
        page.on('request', (request) =>
          seen.push({ url: request.url(), method: request.method(), madeBy: request.frame()?.url() ?? 'unknown' }),
        );
      recorders.push(record);
      (await browser.pages()).forEach(record);
      return seen;
    },
    async close({ keepProfile = false } = {}) {
      await browser.close();
      await proxy.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
