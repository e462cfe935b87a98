import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type BrowserSession } from '../harness/browser-session';
import type { ExtensionUnderTest } from '../harness/extension-under-test';
import { runStep, settledBadge } from '../harness/scenario-runner';
import { raw, stream } from '../replica/answers';
import { ReplicaServer } from '../replica/replica-server';
import { modelTurn } from '../scenarios/counted-turns';
import { quotaJson } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';

/**
 * Turns sent back to back, in Chromium: each brings the relay several findings (its quota, its
 * plan, the model that answered), so twelve of them are more than the relay's burst of 20 at once.
 * What its rate limit refuses waits and follows as tokens come back (lib/channel/paced-sender.ts):
 * the badge ends at the last turn's count and every turn's model is counted, where a relay that
 * dropped them left the badge and the counts a few turns behind until the next page load.
 */

const TURNS = 12;
const MODEL = 'gpt-5-thinking';
const now = Date.now();
const images = (remaining: number) => quotaJson({ limits: { image_gen: { remaining } } }, now);

let replica: ReplicaServer;
let session: BrowserSession;
let extension: ExtensionUnderTest;

beforeAll(async () => {
  replica = await ReplicaServer.start();
  session = await startSession(replica);
  extension = session.extension;
  const open: Step = {
    do: 'open',
    answers: { init: [raw(200, 'application/json', images(50))] },
    badge: { text: '50', status: 'normal' },
    rule: 'open: 50 images left',
  };
  expect((await runStep(open, session.tab, replica, extension)).badge?.text).toBe('50');
});
afterAll(async () => {
  await session?.browser.close();
  await replica?.close();
});

describe('turns sent back to back, past the relay burst', () => {
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
    expect((await settledBadge(extension, { text: String(last), status: 'normal' }, 1500, 30_000)).text).toBe(String(last));
    const popup = await extension.openPopup();
    await popup.locator('.counted').waitFor();
    const line = (await popup.locator(`.counted-model[data-model="${MODEL}"]`).textContent())?.replace(/\s+/g, ' ');
    await popup.close();
    expect(line).toContain(`${TURNS} in 3 h`);
  });

  it('the background took every message as well formed (a held one carries how long it waited)', async () => {
    const log = ((await extension.storage()).diagnostics ?? []) as { where: string; reason: string }[];
    expect(log.filter((entry) => entry.where === 'background')).toEqual([]);
    expect(extension.errors.errors).toEqual([]);
  });
});
