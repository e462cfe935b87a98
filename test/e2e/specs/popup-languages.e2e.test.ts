import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { repoRoot } from '../harness/extension-build';
import { ReplicaServer } from '../replica/replica-server';

/**
 * The built extension in a browser set to another language picks that language's catalogue: the
 * region-tagged folders (pt_BR, zh_TW) are the ones a misnamed folder would silently lose to en.
 */
type Catalogue = Record<string, { message: string }>;
const catalogue = (folder: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'public/_locales', folder, 'messages.json'), 'utf8')) as Catalogue;

let replica: ReplicaServer;
beforeAll(async () => {
  replica = await ReplicaServer.start();
});
afterAll(() => replica.close());

describe.each([
  ['de', 'de'],
  ['pt-BR', 'pt_BR'],
  ['zh-TW', 'zh_TW'],
  ['ru', 'ru'],
])('Chromium with --lang=%s', (lang, folder) => {
  const messages = catalogue(folder);
  const text = (key: string) => messages[key]!.message;
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startSession(replica, { lang });
  });
  afterAll(() => session?.browser.close());

  it(`shows the popup from the ${folder} catalogue and says its language`, async () => {
    const popup = await session.extension.openPopup();
    await popup.getByRole('heading', { name: text('popup_noReadingTitle'), exact: true }).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(text('popup_lang'));
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe(text('extension_name'));
    expect(await popup.getByRole('link', { name: text('popup_openChatGPT') }).getAttribute('href')).toBe('https://chatgpt.com/');
    await popup.close();
  });
});
