import { spawnSync } from 'node:child_process';
import { artifactsDir } from './harness/artifacts';
import { chromiumExecutable } from './harness/chromium-executable';
import type { ExtensionUnderTest } from './harness/extension-under-test';
import { repoRoot } from './harness/extension-build';
import { launchBrowser } from './harness/launch-browser';
import { screenshotPopup } from './harness/popup-screenshots';
import { ReplicaTab } from './harness/replica-tab';
import { runStep } from './harness/scenario-runner';
import { emulateUiLanguage } from './harness/ui-language';
import { ReplicaServer } from './replica/replica-server';
import { demoTour } from './scenarios/demo-tour';

/**
 * `npm run demo`: builds the extension, starts the local chatgpt.com replica, opens Chromium with
 * the extension against it (headful when there is a display, else headless), plays a few chat
 * turns and writes screenshots of the popup. No ChatGPT account is needed, nothing goes online.
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
 * The popup in Simplified Chinese as a browser with a Chinese interface shows it: the same tour up
 * to "running low", in a second headless browser started with --lang=zh-CN, its times in zh-CN.
 */
async function chineseScreenshots(replica: ReplicaServer, dir: string): Promise<string[]> {
  const browser = await launchBrowser({ replicaPort: replica.port, lang: 'zh-CN' });
  await emulateUiLanguage(browser.context, 'zh-CN');
  const extension = browser.extension as ExtensionUnderTest;
  const tab = await ReplicaTab.create(browser.context);
  const [session, runningLow] = demoTour(Date.now());
  for (const step of [...(session?.steps ?? []), ...(runningLow?.steps ?? [])]) await runStep(step, tab, replica, extension);
  const files = await screenshotPopup(extension, dir, 'zh_CN-2-running-low');
  await browser.close();
  return files;
}

async function main(): Promise<void> {
  try {
    chromiumExecutable();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  build();
  const headless = !hasDisplay();
  const replica = await ReplicaServer.start();
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
