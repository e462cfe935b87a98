import type { ExtensionGlobal, ExtensionUnderTest } from './extension-under-test';

/** What the Chromium specs read of the notifications the extension shows, in its service worker. */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The shown notifications as [kind, meter id] (their ids without account and window), sorted. */
export async function shownNotifications(extension: ExtensionUnderTest): Promise<string[][]> {
  const worker = await extension.worker();
  const ids = Object.keys(await worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.notifications.getAll()));
  return ids.map((id) => [id.split('|')[0] ?? '', id.split('|')[2] ?? '']).sort();
}

/** The shown notifications once nothing changed for half a second (the notifier runs after the state is stored). */
export async function settledNotifications(extension: ExtensionUnderTest): Promise<string[][]> {
  let last = JSON.stringify(await shownNotifications(extension));
  for (let quiet = 0; quiet < 5; quiet++) {
    await sleep(100);
    const next = JSON.stringify(await shownNotifications(extension));
    if (next !== last) [last, quiet] = [next, 0];
  }
  return JSON.parse(last) as string[][];
}
