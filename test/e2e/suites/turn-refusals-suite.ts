import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureLabel } from '../../../lib/core/feature-names';
import { startSessionIn, type BrowserUnderTest, type Session } from '../harness/browser-under-test';
import { englishTextOrNothing, fixedParts } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import { readPopup } from '../harness/popup-snapshot';
import { runStep } from '../harness/scenario-runner';
import { raw, stream } from '../replica/answers';
import type { ReplicaServer } from '../replica/replica-server';
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
export function describeTurnRefusals(target: BrowserUnderTest): void {
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
  let session: Session;

  async function play(step: Step): Promise<void> {
    expectBadge((await runStep(step, session.tab, replica, session.extension)).badge, step.badge, step.rule);
  }

  /** The popup's text and the image item's text. */
  async function popupTexts(): Promise<{ all: string; images: string }> {
    const popup = await session.extension.popupTab();
    const { text, items } = await readPopup(popup);
    await popup.close();
    const name = featureLabel('image_gen', englishTextOrNothing);
    const images = items.filter((item) => item.heading === name);
    expect(images, 'one item for image_gen').toHaveLength(1);
    return { all: text, images: images[0]?.text ?? '' };
  }

  beforeAll(async () => {
    replica = await target.startReplica();
    session = await startSessionIn(target, replica);
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

  describe(`quota signals inside a turn, in ${target.name}`, () => {
    it('"generating images too quickly" leaves the count on the badge', async () => {
      await play(toolTurn(cooldownMessage, { text: '37', status: 'normal' }, 'a turn with the cooldown message'));
    });

    it('and the popup shows the pause', async () => {
      const { all } = await popupTexts();
      for (const words of fixedParts('popup_cooldown')) expect(all).toContain(words);
    });

    it('the rate-limit refusal makes the badge 0, red', async () => {
      await play(toolTurn(refusalMessage, { text: '0', status: 'blocked' }, 'a turn refused by the image tool'));
    });

    it('and the popup shows its reset as an estimate (14 hours from the refusal text)', async () => {
      const { images } = await popupTexts();
      for (const words of fixedParts('popup_resetsInEstimated')) expect(images).toContain(words);
      expect(images).toMatch(/14\s*h/);
    });

    it('the page showed the turns as it would without the extension, and nothing logged an error', () => {
      expect(session.tab.pageErrors).toEqual([]);
      expect(session.extension.errors.errors).toEqual([]);
    });
  });
}
