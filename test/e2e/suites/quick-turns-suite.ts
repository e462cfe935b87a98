import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSessionIn, type BrowserUnderTest, type Session } from '../harness/browser-under-test';
import { runStep, settledBadge } from '../harness/scenario-runner';
import { raw, stream } from '../replica/answers';
import type { ReplicaServer } from '../replica/replica-server';
import { modelTurn } from '../scenarios/counted-turns';
import { quotaJson } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';

/**
 * Turns sent back to back, in any browser: each brings the relay several findings (its quota, its
 * plan, the model that answered), so twelve of them are more than the relay's burst of 20 at once.
 * What its rate limit refuses waits and follows as tokens come back (lib/channel/paced-sender.ts):
 * the badge ends at the last turn's count and every turn's model is counted, where a relay that
 * dropped them left the badge and the counts a few turns behind until the next page load (the build
 * before the paced relay stayed at 41 instead of 38).
 */

const TURNS = 12;
const MODEL = 'gpt-5-thinking';

export function describeQuickTurns(target: BrowserUnderTest): void {
  const now = Date.now();
  const images = (remaining: number) => quotaJson({ limits: { image_gen: { remaining } } }, now);
  let replica: ReplicaServer;
  let session: Session;

  /** The counted model's line in a freshly opened popup, once the counts are painted (after the first frame). */
  async function countedLine(): Promise<string | null> {
    const popup = await session.extension.popupTab();
    try {
      return await popup.evaluate(async (model) => {
        for (let tries = 0; tries < 100 && document.querySelector('.counted') === null; tries++)
          await new Promise((resolve) => setTimeout(resolve, 100));
        const item = document.querySelector<HTMLElement>(`.counted-model[data-model="${model}"]`);
        return item ? (item.textContent ?? '').replace(/\s+/g, ' ') : null;
      }, MODEL);
    } finally {
      await popup.close();
    }
  }

  beforeAll(async () => {
    replica = await target.startReplica();
    session = await startSessionIn(target, replica);
    const open: Step = {
      do: 'open',
      answers: { init: [raw(200, 'application/json', images(50))] },
      badge: { text: '50', status: 'normal' },
      rule: 'open: 50 images left',
    };
    expect((await runStep(open, session.tab, replica, session.extension)).badge?.text).toBe('50');
  });
  afterAll(async () => {
    await session?.browser.close();
    await replica?.close();
  });

  describe(`turns sent back to back, past the relay's burst, in ${target.name}`, () => {
    it(`${TURNS} turns: the badge ends at the last one's count, and each turn's model is counted`, { timeout: 60_000 }, async () => {
      const last = 50 - TURNS;
      replica.script({
        conversation: Array.from({ length: TURNS }, (_, index) =>
          stream(modelTurn(images(49 - index), { model: MODEL, exchange: `back-to-back-${index}` })),
        ),
      });
      for (let index = 0; index < TURNS; index++) await session.tab.send();
      expect(replica.unusedAnswers()).toEqual([]);
      // Two findings a second come back (a held one each 500 ms): quiet for 1.5 s, nothing is left waiting.
      const badge = await settledBadge(session.extension, { text: String(last), status: 'normal' }, 1500, 30_000);
      expect(badge.text).toBe(String(last));
      expect(await countedLine()).toContain(`${TURNS} in 3 h`);
    });

    it(`${TURNS} more, and the page left at once: what still waited goes as it goes away`, { timeout: 60_000 }, async () => {
      const last = 50 - 2 * TURNS;
      replica.script({
        conversation: Array.from({ length: TURNS }, (_, index) =>
          stream(modelTurn(images(49 - TURNS - index), { model: MODEL, exchange: `then-left-${index}` })),
        ),
      });
      for (let index = 0; index < TURNS; index++) await session.tab.send();
      // The last turn's findings cross the private port to the relay (a message, not a call).
      await new Promise((resolve) => setTimeout(resolve, 300));
      await session.tab.leave();
      // Held, they would take about 7 s to come at two a second; sent as the page goes, they are there at once.
      const badge = await settledBadge(session.extension, { text: String(last), status: 'normal' }, 400, 3000);
      expect(badge.text).toBe(String(last));
      expect(await countedLine()).toContain(`${2 * TURNS} in 3 h`);
    });

    it('the background took every message as well formed (a held one carries how long it waited)', async () => {
      const log = ((await session.extension.storage()).diagnostics ?? []) as { where: string; reason: string }[];
      expect(log.filter((entry) => entry.where === 'background')).toEqual([]);
      expect(session.extension.errors.errors).toEqual([]);
    });
  });
}
