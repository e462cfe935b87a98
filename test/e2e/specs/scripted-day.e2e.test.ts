import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureLabel } from '../../../lib/core/feature-names';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { englishText, englishTextOrNothing } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import type { ExtensionUnderTest } from '../harness/extension-under-test';
import { runStep } from '../harness/scenario-runner';
import { ReplicaServer } from '../replica/replica-server';
import { scriptedDay, type DayStep } from '../scenarios/scripted-day';

/**
 * Issue 5: a day in one browser. Every kind of carrier in turn (init, SSE turns, a handed-off
 * turn, a WebSocket turn with a replayed item, a refusal), the badge's text and colour checked
 * after each, then the window's reset passes and a reading shows it refilled. The popup's "used
 * today" must equal the drops the readings showed: a replay, a refusal and a refill are not uses.
 *
 * The window resets RESET_AFTER_MS after the day starts, after its turns (under a second each);
 * the spec waits for it before the last reading.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const RESET_AFTER_MS = 12_000;
/** Built again with the day's real start once the browser is up; this first build names the tests. */
let resetAt = Date.now() + RESET_AFTER_MS;
let day = scriptedDay(Date.now(), resetAt);

/** The drops between consecutive counts of one window (a refusal shows none). */
function dropsOf(steps: DayStep[]): number {
  const counts = steps.flatMap((step) => (step.images === null ? [] : [step.images]));
  return counts.slice(1).reduce((total, count, index) => total + Math.max(0, (counts[index] ?? count) - count), 0);
}

let replica: ReplicaServer;
let session: BrowserSession;
let extension: ExtensionUnderTest;

async function play(step: DayStep): Promise<void> {
  const outcome = await runStep(step, session.tab, replica, extension);
  expect(outcome.unusedAnswers, step.rule).toEqual([]);
  expectBadge(outcome.badge, step.badge, step.rule);
  const sent = step.answers.websocket?.[0];
  // The page's own onmessage got every frame of the turn, its replayed item included.
  if (sent?.kind === 'frames') expect(await session.tab.socketFrames(), step.rule).toEqual(sent.frames);
}

beforeAll(async () => {
  replica = await ReplicaServer.start();
  session = await startSession(replica);
  extension = session.extension;
  const start = Date.now();
  resetAt = start + RESET_AFTER_MS;
  day = scriptedDay(start, resetAt);
});
afterAll(async () => {
  await session?.browser.close();
  await replica?.close();
});

describe('a scripted day', () => {
  it.each(day.turns.map(({ rule }, index) => ({ rule, index })))('$index: $rule', async ({ index }) => {
    await play(day.turns[index] as DayStep);
  });

  it('the day ended before the reset (else the badges above were read in the next window)', () => {
    expect(Date.now()).toBeLessThan(resetAt);
  });

  it('after the reset time, a reading shows the window refilled', async () => {
    await sleep(Math.max(0, resetAt - Date.now() + 500));
    await play(day.afterReset);
  });

  it('the popup\'s "used today" equals the drops the readings showed', async () => {
    const drops = dropsOf(day.turns);
    expect(drops).toBe(25);
    const popup = await extension.openPopup();
    await popup.getByRole('main').waitFor();
    await popup.getByRole('button', { name: englishText('popup_usageHeading') }).click();
    const name = featureLabel('image_gen', englishTextOrNothing);
    const usage = popup
      .getByRole('listitem')
      .filter({ has: popup.getByRole('heading', { name, exact: true }) })
      .filter({ hasText: englishText('popup_usedToday').split('$p1$')[0] ?? '' });
    await usage.waitFor();
    expect(await usage.textContent()).toContain(englishText('popup_usedToday').replace('$p1$', String(drops)));
    await popup.close();
  });

  it('nothing logged an error and the page threw nothing', () => {
    expect(session.tab.pageErrors).toEqual([]);
    expect(extension.errors.errors).toEqual([]);
  });
});
