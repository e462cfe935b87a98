import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/alerts/settings';
import { startSessionIn, type BrowserUnderTest, type Session } from '../harness/browser-under-test';
import { englishText } from '../harness/english-catalogue';
import type { ChipSeen } from '../harness/page-chip-reader';
import { expectBadge } from '../harness/expect-badge';
import { runStep } from '../harness/scenario-runner';
import { frames, raw, stream } from '../replica/answers';
import type { ReplicaServer } from '../replica/replica-server';
import { handedOffModelTurn, modelTurn, websocketModelTurn } from '../scenarios/counted-turns';
import { HOUR, modelLimit, quotaJson, wireTime } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';

/**
 * Issue 22 in any browser (Firefox runs it; Chromium's own spec, counted-models.e2e.test.ts, also
 * sets the cap through the popup's field and checks the notifications): turns counted by the model
 * that answered them, by the rule of protocol.md section 4 ("Which model answered"). Two models (one
 * chosen by "auto"), a turn handed off to resume, a WebSocket turn with its frame replayed, a
 * regenerated answer; with a cap of 5 per 3 hours the model is a meter "counted here" on the badge,
 * in the popup and on the page chip; model_limits records what had been counted.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const THINKING = 'gpt-5-thinking';
const COUNTED = `counted:${THINKING}`;

export function describeCountedModels(target: BrowserUnderTest): void {
  const now = Date.now();
  const images = quotaJson({ limits: { image_gen: { remaining: 50 } } }, now);
  const imagesBadge = { text: '50', status: 'normal' } as const;
  let replica: ReplicaServer;
  let session: Session;

  async function play(step: Step): Promise<void> {
    expectBadge((await runStep(step, session.tab, replica, session.extension)).badge, step.badge, step.rule);
  }

  const send = (model: string, exchange: string, badge: Step['badge'], auto = false): Step => ({
    do: 'send',
    answers: { conversation: [stream(modelTurn(images, { model, exchange, auto }))] },
    badge,
    rule: `a turn answered by ${model}`,
  });

  /** The counted-models section of the popup, line by line of each model, once it is painted (after the first frame). */
  async function countedLines(): Promise<Record<string, string>> {
    const popup = await session.extension.popupTab();
    try {
      return await popup.evaluate(async () => {
        for (let tries = 0; tries < 100 && document.querySelector('.counted') === null; tries++)
          await new Promise((resolve) => setTimeout(resolve, 100));
        const lines: Record<string, string> = {};
        for (const item of document.querySelectorAll<HTMLElement>('.counted-model'))
          lines[item.dataset.model ?? ''] = (item.textContent ?? '').replace(/\s+/g, ' ');
        return lines;
      }, null);
    } finally {
      await popup.close();
    }
  }

  /** The chip, once the extension reads one whose label starts with `label` (or what it read last). */
  async function chipLabelled(label: string): Promise<ChipSeen | null> {
    const started = Date.now();
    for (;;) {
      const seen = await session.extension.pageChip();
      if (seen?.label?.startsWith(label) || Date.now() - started > 8000) return seen;
      await sleep(200);
    }
  }

  beforeAll(async () => {
    replica = await target.startReplica();
    session = await startSessionIn(target, replica);
    await play({ do: 'open', answers: { init: [raw(200, 'application/json', images)] }, badge: imagesBadge, rule: 'open: 50 images' });
  });
  afterAll(async () => {
    await session?.browser.close();
    await replica?.close();
  });

  describe(`turns counted per model, in ${target.name}`, () => {
    it('three turns answered by two models, one chosen by "auto": 1 and 2, counted in this browser', async () => {
      await play(send('gpt-5-3', 'exchange-1', imagesBadge));
      await play(send(THINKING, 'exchange-2', imagesBadge, true));
      await play(send(THINKING, 'exchange-3', imagesBadge));
      const lines = await countedLines();
      expect(lines[THINKING]).toContain('GPT-5 Thinking: 2 in 7 days · 2 in 24 h · 2 in 3 h');
      expect(lines[THINKING]).toContain(englishText('popup_countedAuto').replace('$p1$', '1'));
      expect(lines['gpt-5-3']).not.toContain('auto');
      expect(lines['gpt-5-3']).toContain('GPT-5.3: 1 in 7 days · 1 in 24 h · 1 in 3 h');
    });

    it('with a cap of 5 per 3 h on the badge: "3", and the popup says "about 3 left of 5 per 3 h (counted here)"', async () => {
      await session.extension.writeStorage({
        settings: { ...defaultSettings(), badgeFeature: COUNTED, modelCaps: { [THINKING]: { limit: 5, windowHours: 3 } } },
      });
      const started = Date.now();
      while ((await session.extension.badge()).text !== '3' && Date.now() - started < 8000) await sleep(100);
      expect((await session.extension.badge()).text).toBe('3');
      expect((await countedLines())[THINKING]).toContain('about 3 left of 5 per 3 h (counted here)');
    });

    it('a turn handed off to resume, naming its model on both roads, counts once: 2 left', async () => {
      const turn = handedOffModelTurn(images, { model: THINKING, exchange: 'exchange-4' });
      await play({
        do: 'send',
        answers: { conversation: [stream(turn.first)], resume: [stream(turn.resumed)] },
        badge: { text: '2', status: 'normal' },
        rule: 'handed off to resume',
      });
      expect((await countedLines())[THINKING]).toContain('3 in 3 h');
    });

    it('a WebSocket turn with its model frame replayed counts once: 1 left, low', async () => {
      const turnFrames = websocketModelTurn(now, 50, wireTime(now + 5 * HOUR), { model: THINKING, exchange: 'exchange-5' });
      await play({ do: 'websocket', answers: { websocket: [frames(turnFrames)] }, badge: { text: '1', status: 'low' }, rule: 'WebSocket' });
      const line = (await countedLines())[THINKING];
      expect(line).toContain('4 in 3 h');
      expect(line).toContain(englishText('popup_statusLow'));
    });

    it('the page chip shows the counted meter, named as counted here', async () => {
      await session.extension.writeStorage({
        settings: {
          ...defaultSettings(),
          pageChip: true,
          badgeFeature: COUNTED,
          modelCaps: { [THINKING]: { limit: 5, windowHours: 3 } },
        },
      });
      const started = Date.now();
      while (!(await session.extension.registeredScripts()).some((script) => script.startsWith('page-chip:'))) {
        if (Date.now() - started > 8000) throw new Error('the chip was not registered');
        await sleep(100);
      }
      await play({
        do: 'open',
        answers: { init: [raw(200, 'application/json', images)] },
        badge: { text: '1', status: 'low' },
        rule: 'reload',
      });
      const name = englishText('popup_countedMeterName').replace('$p1$', 'GPT-5 Thinking');
      expect((await chipLabelled(`${name}: 1.`))?.label).toContain(`${name}: 1.`);
    });

    it('a regenerated answer is a new turn: 0 left, used up, on the badge and the chip', async () => {
      await play(send(THINKING, 'exchange-6', { text: '0', status: 'blocked' }));
      expect((await countedLines())[THINKING]).toContain('about 0 left of 5 per 3 h (counted here)');
      const name = englishText('popup_countedMeterName').replace('$p1$', 'GPT-5 Thinking');
      expect((await chipLabelled(`${name}: 0.`))?.label).toContain(`${name}: 0.`);
    });

    it('model_limits listing the model records what was counted: "capped last time after 5 in 3 h"', async () => {
      const capped = quotaJson(
        { limits: { image_gen: { remaining: 50 } }, modelLimits: [modelLimit(THINKING, 'gpt-5-mini', now, 3 * HOUR)] },
        now,
      );
      await play({
        do: 'open',
        answers: { init: [raw(200, 'application/json', capped)] },
        badge: { text: '0', status: 'empty' },
        rule: 'capped',
      });
      expect((await countedLines())[THINKING]).toContain('capped last time after 5 in 3 h, 5 in 24 h, 5 in 7 days, counted here');
    });

    it('storage keeps slugs, times and turn keys only: no message text, title, conversation or exchange id', async () => {
      const stored = JSON.stringify((await session.extension.storage()).modelCounts);
      expect(stored).toContain(THINKING);
      for (const secret of ['exchange-', 'Synthetic', '69eb5a4b', 'c0ffee00']) expect(stored).not.toContain(secret);
    });

    it('logged no error and the page threw nothing', () => {
      expect(session.tab.pageErrors).toEqual([]);
      expect(session.extension.errors.errors).toEqual([]);
    });
  });
}
