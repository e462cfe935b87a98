import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureLabel } from '../../../lib/core/feature-names';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { englishTextOrNothing, fixedParts } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import type { ExtensionUnderTest } from '../harness/extension-under-test';
import { runStep } from '../harness/scenario-runner';
import { raw, stream } from '../replica/answers';
import { ReplicaServer } from '../replica/replica-server';
import { captureAsCaptured, syntheticCapture } from '../scenarios/captures';
import { HOUR, quotaJson } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';
import { turnStream } from '../scenarios/turn-streams';

/**
 * Issue 5.2: the image quota runs out inside a turn, said only by a tool message (protocol.md
 * section 3, HTTP 200, no quota event). The "generating images too quickly" message (a real
 * capture) is a pause of about an hour: the popup says so and the badge's count stays. The
 * ChatGPTAgentToolRateLimitException refusal makes the badge 0, red, and the popup gives the reset
 * the refusal's text states as an estimate, not as a time the site gave.
 */

const now = Date.now();
const cooldownMessage: unknown = JSON.parse(captureAsCaptured('tool_image_cooldown.json'));
const refusalMessage: unknown = JSON.parse(syntheticCapture('tool_image_quota_refusal_en.json'));

const toolTurn = (message: unknown, badge: Step['badge'], rule: string): Step => ({
  do: 'send',
  answers: { conversation: [stream(turnStream(null, undefined, [message]))] },
  badge,
  rule,
});

let replica: ReplicaServer;
let session: BrowserSession;
let extension: ExtensionUnderTest;

async function play(step: Step): Promise<void> {
  expectBadge((await runStep(step, session.tab, replica, extension)).badge, step.badge, step.rule);
}

/** The popup's text (as written, whatever case CSS gives it) and the image item's text. */
async function popupTexts(): Promise<{ all: string; images: string; popup: Page }> {
  const popup = await extension.openPopup();
  await popup.getByRole('main').waitFor();
  const name = featureLabel('image_gen', englishTextOrNothing);
  const item = popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name, exact: true }) });
  await item.waitFor();
  return { all: (await popup.locator('body').textContent()) ?? '', images: (await item.textContent()) ?? '', popup };
}

beforeAll(async () => {
  replica = await ReplicaServer.start();
  session = await startSession(replica);
  extension = session.extension;
  await play({
    do: 'open',
    answers: { init: [raw(200, 'application/json', quotaJson({ limits: { image_gen: { remaining: 37, resetIn: 20 * HOUR } } }, now))] },
    badge: { text: '37', status: 'normal' },
    rule: 'open chatgpt.com: 37 left',
  });
});
afterAll(async () => {
  await session?.browser.close();
  await replica?.close();
});

describe('quota signals inside a turn', () => {
  it('"generating images too quickly" leaves the count on the badge', async () => {
    await play(toolTurn(cooldownMessage, { text: '37', status: 'normal' }, 'a turn with the cooldown message'));
  });

  it('and the popup shows the pause', async () => {
    const { all, popup } = await popupTexts();
    for (const words of fixedParts('popup_cooldown')) expect(all).toContain(words);
    await popup.close();
  });

  it('the rate-limit refusal makes the badge 0, red', async () => {
    await play(toolTurn(refusalMessage, { text: '0', status: 'blocked' }, 'a turn refused by the image tool'));
  });

  it('and the popup shows its reset as an estimate (14 hours from the refusal text)', async () => {
    const { images, popup } = await popupTexts();
    for (const words of fixedParts('popup_resetsInEstimated')) expect(images).toContain(words);
    expect(images).toMatch(/14\s*h/);
    await popup.close();
  });

  it('the page showed the turns as it would without the extension, and nothing logged an error', () => {
    expect(session.tab.pageErrors).toEqual([]);
    expect(extension.errors.errors).toEqual([]);
  });
});
