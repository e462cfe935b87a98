import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../lib/alerts/settings';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { englishText } from '../harness/english-catalogue';
import { notificationsBuildDir } from '../harness/extension-build';
import { expectBadge } from '../harness/expect-badge';
import type { ExtensionUnderTest } from '../harness/extension-under-test';
import { runStep } from '../harness/scenario-runner';
import { settledNotifications } from '../harness/shown-notifications';
import { frames, raw, stream } from '../replica/answers';
import { ReplicaServer } from '../replica/replica-server';
import { handedOffModelTurn, modelTurn, websocketModelTurn } from '../scenarios/counted-turns';
import { HOUR, modelLimit, quotaJson, wireTime } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';

/**
 * Issue 22 in Chromium: turns counted by the model that answered them (protocol.md section 4,
 * "Which model answered"). Three turns answered by two models (one chosen by "auto"), a turn handed
 * off to /f/conversation/resume, a turn over the WebSocket with its model frame replayed, and a
 * regenerated answer: the popup's counts follow the rule (one count per exchange). A cap of 5 per
 * 3 hours set in the popup makes the model a meter marked "counted here", amber at the low
 * threshold (a fifth of the cap: 1 left) with one notification; a model_limits entry records what
 * had been counted ("capped last time after 5 in 3 h").
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = Date.now();
const THINKING = 'gpt-5-thinking';
const IMAGES = quotaJson({ limits: { image_gen: { remaining: 50 } } }, now);
const BADGE = { text: '50', status: 'normal' } as const;

/** As installed, with notifications on. */
const SETTINGS: Settings = { ...defaultSettings(), notifications: true };

let replica: ReplicaServer;
let session: BrowserSession;
let extension: ExtensionUnderTest;

const send = (model: string, exchange: string, auto = false): Step => ({
  do: 'send',
  answers: { conversation: [stream(modelTurn(IMAGES, { model, exchange, auto }))] },
  badge: BADGE,
  rule: `a turn answered by ${model}`,
});

async function play(step: Step): Promise<void> {
  expectBadge((await runStep(step, session.tab, replica, extension)).badge, step.badge, step.rule);
}

/** The kinds of the counted meter's notices in the ledger, once one of `awaited` is there (the notifier runs after the badge). */
async function ledgerKinds(awaited: string): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const ledger = ((await extension.storage()).noticeLedger ?? {}) as Record<string, number>;
    const kinds = Object.keys(ledger)
      .filter((id) => id.split('|')[2] === `counted:${THINKING}`)
      .map((id) => id.split('|')[0] ?? '')
      .sort();
    if (kinds.includes(awaited) || Date.now() - started > 8000) return kinds;
    await sleep(200);
  }
}

/** The counted-models section of a freshly opened popup, line by line of each model. */
async function countedLines(): Promise<Record<string, string>> {
  const popup = await extension.openPopup();
  // The first frame is painted before the counts are read (the checked read's chunk): wait for them.
  await popup.locator('.counted').waitFor();
  const items = popup.locator('.counted-model');
  const lines: Record<string, string> = {};
  for (let index = 0; index < (await items.count()); index++) {
    const item = items.nth(index);
    lines[(await item.getAttribute('data-model')) ?? ''] = ((await item.textContent()) ?? '').replace(/\s+/g, ' ');
  }
  await popup.close();
  return lines;
}

async function setCapInPopup(popup: Page, name: string, cap: string): Promise<void> {
  await popup.getByRole('button', { name: englishText('popup_settingsHeading') }).click();
  const field = popup.getByLabel(englishText('popup_capFor').replace('$p1$', name), { exact: true });
  await field.fill(cap);
  await field.press('Tab');
  // Stored once the model's line shows what is left of the cap.
  await popup.locator(`.counted-model .counted-left`).first().waitFor();
}

beforeAll(async () => {
  replica = await ReplicaServer.start();
  session = await startSession(replica, { extensionDir: notificationsBuildDir() });
  extension = session.extension;
  await extension.writeStorage({ settings: SETTINGS });
  await play({ do: 'open', answers: { init: [raw(200, 'application/json', IMAGES)] }, badge: BADGE, rule: 'open: 50 images left' });
});
afterAll(async () => {
  await session?.browser.close();
  await replica?.close();
});

describe('turns counted per model, in Chromium', () => {
  it('three turns answered by two models, one chosen by "auto": 1 and 2, counted in this browser', async () => {
    await play(send('gpt-5-3', 'exchange-1'));
    await play(send(THINKING, 'exchange-2', true));
    await play(send(THINKING, 'exchange-3'));
    const lines = await countedLines();
    expect(lines[THINKING]).toContain('GPT-5 Thinking: 2 in 7 days · 2 in 24 h · 2 in 3 h');
    expect(lines[THINKING]).toContain(englishText('popup_countedAuto').replace('$p1$', '1'));
    expect(lines['gpt-5-3']).not.toContain('auto');
    expect(lines['gpt-5-3']).toContain('GPT-5.3: 1 in 7 days · 1 in 24 h · 1 in 3 h');
    const popup = await extension.openPopup();
    expect(await popup.locator('.counted').textContent()).toContain(englishText('popup_countedNote'));
    await popup.close();
  });

  it('a cap of 5 per 3 hours set in the popup: "about 3 left of 5 per 3 h (counted here)"', async () => {
    const popup = await extension.openPopup();
    await popup.getByRole('main').waitFor();
    await setCapInPopup(popup, 'GPT-5 Thinking', '5');
    await popup.close();
    expect((await extension.storage()).settings).toMatchObject({ modelCaps: { [THINKING]: { limit: 5, windowHours: 3 } } });
    expect((await countedLines())[THINKING]).toContain('about 3 left of 5 per 3 h (counted here)');
    expect(await settledNotifications(extension)).toEqual([]);
  });

  it('a turn handed off to resume, naming its model on both roads, counts once', async () => {
    const turn = handedOffModelTurn(IMAGES, { model: THINKING, exchange: 'exchange-4' });
    await play({
      do: 'send',
      answers: { conversation: [stream(turn.first)], resume: [stream(turn.resumed)] },
      badge: BADGE,
      rule: 'handed off',
    });
    expect((await countedLines())[THINKING]).toContain('3 in 3 h');
    expect(await settledNotifications(extension)).toEqual([]);
  });

  it('a WebSocket turn with its model frame replayed counts once, and reaching the low threshold notifies once', async () => {
    const turnFrames = websocketModelTurn(now, 50, wireTime(now + 5 * HOUR), { model: THINKING, exchange: 'exchange-5' });
    await play({ do: 'websocket', answers: { websocket: [frames(turnFrames)] }, badge: BADGE, rule: 'a WebSocket turn' });
    const line = (await countedLines())[THINKING];
    expect(line).toContain('4 in 3 h');
    expect(line).toContain('about 1 left of 5 per 3 h (counted here)');
    expect(line).toContain(englishText('popup_statusLow'));
    expect(await settledNotifications(extension)).toEqual([['low', `counted:${THINKING}`]]);
    expect(await ledgerKinds('low')).toEqual(['low']);
  });

  it('the low line is amber, as every low meter', async () => {
    const popup = await extension.openPopup();
    const item = popup.locator(`.counted-model[data-model="${THINKING}"]`);
    expect(await item.getAttribute('class')).toContain('feature-low');
    const color = await item.locator('.count').evaluate((element) => getComputedStyle(element).color);
    const amber = await popup.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--low)';
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    });
    expect(color).toBe(amber);
    await popup.close();
  });

  it('a regenerated answer is a new turn: 5 of 5, used up, and no second low notice', async () => {
    await play(send(THINKING, 'exchange-6'));
    const line = (await countedLines())[THINKING];
    expect(line).toContain('5 in 3 h');
    expect(line).toContain('about 0 left of 5 per 3 h (counted here)');
    // The ledger is what makes a notice once: one low (the step before) and now one used-up, no second low.
    expect(await ledgerKinds('exhausted')).toEqual(['exhausted', 'low']);
  });

  it('model_limits listing the model records what was counted: "capped last time after 5 in 3 h"', async () => {
    const capped = quotaJson(
      { limits: { image_gen: { remaining: 50 } }, modelLimits: [modelLimit(THINKING, 'gpt-5-mini', now, 3 * HOUR)] },
      now,
    );
    await play({ do: 'open', answers: { init: [raw(200, 'application/json', capped)] }, badge: BADGE, rule: 'the model is capped' });
    expect((await countedLines())[THINKING]).toContain('capped last time after 5 in 3 h, 5 in 24 h, 5 in 7 days, counted here');
  });

  it('storage keeps slugs and times only: no message text, title, conversation or exchange id', async () => {
    const stored = JSON.stringify((await extension.storage()).modelCounts);
    expect(stored).toContain(THINKING);
    for (const secret of ['exchange-', 'Synthetic', '69eb5a4b', 'c0ffee00']) expect(stored).not.toContain(secret);
  });

  it('"reset counts" forgets the model', async () => {
    const popup = await extension.openPopup();
    const reset = popup.getByRole('button', { name: englishText('popup_resetCounts').replace('$p1$', 'GPT-5.3') });
    await reset.click();
    // The popup shows the model gone once the store has it so (the write is the checked-read chunk's).
    await reset.waitFor({ state: 'detached' });
    await popup.close();
    expect(Object.keys(await countedLines())).toEqual([THINKING]);
  });

  it('logged no error and the page threw nothing', () => {
    expect(session.tab.pageErrors).toEqual([]);
    expect(extension.errors.errors).toEqual([]);
  });
});
