import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureLabel } from '../../../lib/core/feature-names';
import { artifactsDir } from '../harness/artifacts';
import { englishText, englishTextOrNothing, fixedParts } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import { startSession, type BrowserSession } from '../harness/browser-session';
import type { ExtensionUnderTest } from '../harness/extension-under-test';
import { screenshotPopup } from '../harness/popup-screenshots';
import { runStep } from '../harness/scenario-runner';
import { ReplicaServer } from '../replica/replica-server';
import { popupStates } from '../scenarios/popup-states';

/**
 * The popup (chrome-extension://<id>/popup.html) in each state, reached through the replica in a
 * fresh profile. Checked by what a user reads and what a screen reader is told (roles and names),
 * never by CSS classes. Screenshots of each state, light and dark, go to test-artifacts/popup/.
 */

let replica: ReplicaServer;
const screenshots = artifactsDir('popup');
beforeAll(async () => {
  replica = await ReplicaServer.start();
});
afterAll(() => replica.close());

describe.each(popupStates(Date.now()))('popup: $name', (state) => {
  let session: BrowserSession;
  let extension: ExtensionUnderTest;
  let popup: Page;

  beforeAll(async () => {
    replica.clear();
    session = await startSession(replica);
    extension = session.extension;
    for (const step of state.steps) {
      expectBadge((await runStep(step, session.tab, replica, extension)).badge, step.badge, step.rule);
    }
    popup = await extension.openPopup();
    // The popup renders once storage answers; its main landmark appears then.
    await popup.getByRole('main').waitFor();
  });
  afterAll(() => session?.browser.close());

  it('says what the state is, in words', async () => {
    for (const key of state.headings) {
      expect(await popup.getByRole('heading', { name: englishText(key), exact: true }).count(), key).toBe(1);
    }
    // textContent: the words as written, whatever case CSS gives them on screen.
    const text = (await popup.locator('body').textContent()) ?? '';
    for (const key of state.says) {
      for (const words of fixedParts(key)) expect(text, key).toContain(words);
    }
    if (state.name === 'no-data') {
      expect(await popup.getByRole('link', { name: englishText('popup_openChatGPT') }).getAttribute('href')).toBe('https://chatgpt.com/');
      expect(await popup.getByRole('listitem').count()).toBe(0);
    }
  });

  it.each(state.features)('lists $feature with its status and reset in words', async ({ feature, says }) => {
    const name = featureLabel(feature, englishTextOrNothing);
    const item = popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name, exact: true }) });
    await item.waitFor();
    expect(await item.count()).toBe(1);
    const text = (await item.textContent()) ?? '';
    for (const key of says) {
      for (const words of fixedParts(key)) expect(text, key).toContain(words);
    }
  });

  it('writes screenshots, light and dark', async () => {
    const files = await screenshotPopup(extension, screenshots, state.name);
    expect(files).toHaveLength(2);
  });

  it('logged no error', () => {
    expect(extension.errors.errors).toEqual([]);
  });
});
