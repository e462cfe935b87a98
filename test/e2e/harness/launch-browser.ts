import { lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PROFILES_ENV } from '../global-setup';
import { chromiumExecutable } from './chromium-executable';
import { builtExtensionDir } from './extension-build';
import { ExtensionErrors } from './extension-errors';
import { ExtensionUnderTest } from './extension-under-test';

/**
 * Starts Chromium (the recipe of docs/testing.md) with a fresh profile, with or without the built
 * extension, resolving chatgpt.com to the replica. Pass `profileDir` of an earlier run to restart
 * the same browser profile.
 */

export interface LaunchOptions {
  replicaPort: number;
  withExtension?: boolean;
  /** Another build of the extension (a test variant); the normal build by default. */
  extensionDir?: string;
  profileDir?: string;
  headless?: boolean;
  /** Chromium's --lang: picks the extension's message catalogue (getUILanguage stays en-US, docs/testing.md). */
  lang?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  profileDir: string;
  /** The first tab, kept open and never navigated: CDP sessions hang on it. */
  controlPage: Page;
  /** Null when launched without the extension. */
  extension: ExtensionUnderTest | null;
  /** Closes the browser; the profile is deleted unless it is kept for a restart. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

function chromiumArgs(replicaPort: number, extensionDir: string | null, lang: string | undefined): string[] {
  const map = ['chatgpt.com', 'chat.openai.com', 'ws.chatgpt.com'].map((host) => `MAP ${host} 127.0.0.1:${replicaPort}`).join(',');
  const extension = extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
  return [
    ...extension,
    ...(lang === undefined ? [] : [`--lang=${lang}`]),
    `--host-resolver-rules=${map}`,
    '--ignore-certificate-errors',
    '--disable-gpu',
    '--disable-quic',
    '--disable-sync',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    // As root (CI containers) Chromium refuses to start sandboxed, and as an ordinary user its
    // sandbox needs user namespaces that containers often lack: the same flag for both.
    '--no-sandbox',
  ];
}

/**
 * context.close() returns 1-2 s before Chromium has exited (docs/testing.md); a second Chromium on
 * the same profile before then would find the profile locked. Chromium removes the lock on exit.
 */
function isLocked(profileDir: string): boolean {
  try {
    // A symbolic link to "host-pid", which need not resolve: lstat, not exists.
    lstatSync(path.join(profileDir, 'SingletonLock'));
    return true;
  } catch {
    return false;
  }
}

async function waitForProfileUnlocked(profileDir: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (isLocked(profileDir)) {
    if (Date.now() - started > timeoutMs) throw new Error(`Chromium did not release ${profileDir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function launchBrowser(options: LaunchOptions): Promise<LaunchedBrowser> {
  const withExtension = options.withExtension ?? true;
  const extensionDir = withExtension ? (options.extensionDir ?? builtExtensionDir()) : null;
  // Under the suite, profiles go in the run's folder (global-setup.ts), which is removed at the end.
  const profilesParent = process.env[PROFILES_ENV] ?? tmpdir();
  const profileDir = options.profileDir ?? mkdtempSync(path.join(profilesParent, 'quota-meter-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumExecutable(),
    headless: options.headless ?? true,
    args: chromiumArgs(options.replicaPort, extensionDir, options.lang),
    viewport: { width: 1000, height: 700 },
  });
  const controlPage = context.pages()[0] ?? (await context.newPage());
  let extension: ExtensionUnderTest | null = null;
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const id = new URL(worker.url()).host;
    const errors = await ExtensionErrors.watch(context, controlPage, id);
    extension = new ExtensionUnderTest(context, controlPage, id, errors);
  }
  return {
    context,
    profileDir,
    controlPage,
    extension,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (keepProfile) await waitForProfileUnlocked(profileDir);
      else rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
