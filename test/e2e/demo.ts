import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDemoArgs, type DemoOptions } from './demo-options';
import { artifactsDir } from './harness/artifacts';
import { chromiumExecutable } from './harness/chromium-executable';
import type { ExtensionUnderTest } from './harness/extension-under-test';
import { repoRoot } from './harness/extension-build';
import { launchBrowser, type LaunchedBrowser } from './harness/launch-browser';
import { screenshotPopup, screenshotPopupForStore } from './harness/popup-screenshots';
import { README_SCREENSHOTS, README_SCREENSHOTS_DIR } from './readme-screenshots';
import { ReplicaTab } from './harness/replica-tab';
import { runStep } from './harness/scenario-runner';
import { emulateUiLanguage } from './harness/ui-language';
import { ReplicaServer } from './replica/replica-server';
import { demoTour } from './scenarios/demo-tour';
import { STORE_ASSETS_DIR, storeScreenshots } from './store-assets';

/**
 * `npm run demo`: builds the extension, starts the local chatgpt.com replica, opens Chromium with
 * the extension against it (headful when there is a display, else headless), plays a few chat
 * turns and writes screenshots of the popup. No ChatGPT account is needed, nothing goes online.
 * Its arguments (demo-options.ts): `--readme` also copies the README's screenshots into
 * docs/screenshots/; `--store` writes the store listing's screenshots instead (store-assets.ts).
 */

const PAUSE_MS = 1200;

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function build(): void {
  console.log('Building the extension (npm run build)...');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error('The build failed (see above).');
}

async function describeBadge(extension: ExtensionUnderTest): Promise<string> {
  const badge = await extension.badge();
  const colour = badge.color
    .slice(0, 3)
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  return `badge "${badge.text}" #${colour} — ${badge.title.replaceAll('\n', ' | ')}`;
}

/**
 * The popup in another language as a browser with that interface shows it: a second headless
 * browser started with --lang (which picks the message catalogue) whose extension pages answer that
 * language to i18n.getUILanguage() (ui-language.ts; --lang alone leaves it en-US, and so the times
 * English), after the same tour up to "running low". Says which locale the popup formats in.
 */
async function runningLowIn(
  replica: ReplicaServer,
  languageTag: string,
): Promise<{ browser: LaunchedBrowser; extension: ExtensionUnderTest }> {
  const browser = await launchBrowser({ replicaPort: replica.port, lang: languageTag });
  await emulateUiLanguage(browser.context, languageTag);
  const extension = browser.extension as ExtensionUnderTest;
  const tab = await ReplicaTab.create(browser.context);
  const [session, runningLow] = demoTour(Date.now());
  for (const step of [...(session?.steps ?? []), ...(runningLow?.steps ?? [])]) await runStep(step, tab, replica, extension);
  const popup = await extension.openPopup();
  const formatting = await popup.evaluate(() => {
    const language = (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage();
    return { language, intl: new Intl.DateTimeFormat(language).resolvedOptions().locale, sample: new Date(0).toLocaleString(language) };
  });
  await popup.close();
  if (formatting.intl.toLowerCase() !== languageTag.toLowerCase()) {
    throw new Error(`The ${languageTag} popup formats in ${formatting.intl}, not ${languageTag} (getUILanguage: ${formatting.language}).`);
  }
  console.log(`  ${languageTag}: getUILanguage() ${formatting.language}, times formatted in ${formatting.intl} ("${formatting.sample}")`);
  return { browser, extension };
}

async function chineseScreenshots(replica: ReplicaServer, dir: string): Promise<string[]> {
  const { browser, extension } = await runningLowIn(replica, 'zh-CN');
  const files = await screenshotPopup(extension, dir, 'zh_CN-2-running-low');
  await browser.close();
  return files;
}

/** `--store`: the store listing's screenshots, one browser per language, from the same replica. */
async function storeRun(replica: ReplicaServer): Promise<void> {
  const locales = readdirSync(path.join(repoRoot, 'public', '_locales'));
  const shots = storeScreenshots(locales);
  mkdirSync(path.join(repoRoot, STORE_ASSETS_DIR), { recursive: true });
  console.log(`Store screenshots (1280x800) in ${locales.length} languages:`);
  for (const locale of [...new Set(shots.map((shot) => shot.locale))]) {
    const mine = shots.filter((shot) => shot.locale === locale);
    const { browser, extension } = await runningLowIn(replica, mine[0]!.languageTag);
    for (const shot of mine) await screenshotPopupForStore(extension, shot.colorScheme, path.join(repoRoot, shot.file));
    if (extension.errors.errors.length > 0) console.error(`The extension logged errors in ${locale}:`, extension.errors.errors);
    await browser.close();
  }
  console.log(`\n${shots.length} files in ${path.join(repoRoot, STORE_ASSETS_DIR)} (docs/store-listing.md says where each goes).`);
}

/** `--readme`: the demo's files that the README shows, copied over docs/screenshots/. */
function copyReadmeScreenshots(demoDir: string): void {
  console.log('\nCopied for the README:');
  for (const { file, demoFile } of README_SCREENSHOTS) {
    const target = path.join(repoRoot, README_SCREENSHOTS_DIR, file);
    copyFileSync(path.join(demoDir, demoFile), target);
    console.log(`  ${target}`);
  }
}

async function main(): Promise<void> {
  let options: DemoOptions;
  try {
    options = parseDemoArgs(process.argv.slice(2));
    chromiumExecutable();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  build();
  const replica = await ReplicaServer.start();
  if (options.store) {
    await storeRun(replica);
    await replica.close();
    return;
  }
  const headless = !hasDisplay();
  const browser = await launchBrowser({ replicaPort: replica.port, headless });
  const extension = browser.extension as ExtensionUnderTest;
  const screenshots = artifactsDir('demo');
  console.log(
    `Chromium ${headless ? 'headless (no display found)' : 'in a window'}; the replica of chatgpt.com is on 127.0.0.1:${replica.port}.`,
  );

  const tab = await ReplicaTab.create(browser.context);
  const written: string[] = [];
  for (const chapter of demoTour(Date.now())) {
    for (const step of chapter.steps) {
      await runStep(step, tab, replica, extension);
      console.log(`  ${step.rule.padEnd(32)} ${await describeBadge(extension)}`);
      if (!headless) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    written.push(...(await screenshotPopup(extension, screenshots, chapter.name)));
  }
  const errors = extension.errors.errors;
  if (errors.length > 0) console.error('The extension logged errors:', errors);
  written.push(...(await chineseScreenshots(replica, screenshots)));

  console.log('\nScreenshots of the popup:');
  for (const file of written) console.log(`  ${file}`);
  if (options.readme) copyReadmeScreenshots(screenshots);
  if (headless) {
    await browser.close();
    await replica.close();
    return;
  }
  const popup = await extension.openPopup();
  await popup.bringToFront();
  console.log('\nThe popup is open in a tab; the toolbar button shows the badge. Close the browser (or press Ctrl+C) to end.');
  const end = async () => {
    await browser.close().catch(() => undefined);
    await replica.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void end());
  browser.context.once('close', () => void end());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
