import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../lib/alerts/settings';
import type { ModelCounts } from '../../../lib/core/model-counts';
import { opaqueKeyOf } from '../../../lib/page/account-key';
import { settingsStore } from '../../../lib/extension/settings-store';
import { badge, findingMessage, quotaMessage, sendSettled, settle, startWorker, stored } from './worker';

/**
 * Turns counted per model through the real background against fakeBrowser: one count per turn key,
 * nothing of a turn kept but the slug, the time and the opaque key; a forged slug is dropped; a
 * capped model is a meter the badge can show, marked counted; model_limits records the capped-after figure.
 */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);
const TURN = opaqueKeyOf('turn-', 'f71803cb-d1bc-427d-94ca-10fee4d49d56');
const turnModel = (model: string, turn: string | null = TURN, auto = false) =>
  findingMessage({ kind: 'turn-model', carrier: 'stream', model, auto, turn });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

const send = (message: unknown) => sendSettled(message);

const counts = async () => (await stored('modelCounts')) as ModelCounts | undefined;

describe('turns counted per model in the background', () => {
  it('counts a turn once by its key: the same key again (a resumed turn) changes nothing', async () => {
    await startWorker();
    await send(turnModel('gpt-5-thinking'));
    await send(turnModel('gpt-5-thinking'));
    await send(turnModel('gpt-5-thinking', opaqueKeyOf('turn-', 'regenerated')));
    expect((await counts())?.accounts.default?.models['gpt-5-thinking']).toHaveLength(2);
  });

  it('a turn "auto" chose the model for is kept as such', async () => {
    await startWorker();
    await send(turnModel('gpt-5-thinking', TURN, true));
    expect((await counts())?.accounts.default?.auto).toEqual({ 'gpt-5-thinking': [NOW] });
  });

  it('keeps slugs, times (and which of them auto chose) and turn keys only: no text, title, request or conversation id', async () => {
    await startWorker();
    await send(turnModel('gpt-5-3'));
    const kept = JSON.stringify(await counts());
    for (const secret of ['f71803cb', '69eb5a4b', 'Synthetic', 'conversation', 'title', 'parts']) expect(kept).not.toContain(secret);
    expect(Object.keys((await counts())?.accounts.default ?? {}).sort()).toEqual(['auto', 'capsSeen', 'models', 'turns']);
  });

  it.each([
    ['upper case', 'GPT-5'],
    ['a space', 'gpt 5'],
    ['markup', '<b>x</b>'],
    ['too long', 'x'.repeat(65)],
  ])('drops a forged slug (%s)', async (_name, model) => {
    await startWorker();
    await send(turnModel(model));
    expect(await counts()).toBeUndefined();
  });

  it('a capped model on the badge is its counted meter: 5 per 3 h, two turns, 3 left', async () => {
    await startWorker();
    await send(quotaMessage({ type: 'conversation_detail_metadata', limits_progress: [], blocked_features: [], model_limits: [] }));
    await settingsStore.update(() => ({
      ...defaultSettings(),
      badgeFeature: 'counted:gpt-5-thinking',
      modelCaps: { 'gpt-5-thinking': { limit: 5, windowHours: 3 } },
    }));
    await settle();
    await send(turnModel('gpt-5-thinking', null));
    await send(turnModel('gpt-5-thinking', null));
    expect(await badge()).toMatchObject({ text: '3' });
    expect((await badge()).title).toContain('GPT-5 Thinking (counted here)');
  });

  it('model_limits listing a model records what had been counted', async () => {
    await startWorker();
    await send(turnModel('gpt-5-thinking', null));
    await send(
      quotaMessage({
        type: 'conversation_detail_metadata',
        limits_progress: [],
        blocked_features: [],
        model_limits: [
          { model_slug: 'gpt-5-thinking', using_default_model_slug: 'gpt-5-mini', resets_after: new Date(NOW + 3 * HOUR).toISOString() },
        ],
      }),
    );
    expect((await counts())?.accounts.default?.capsSeen['gpt-5-thinking']).toMatchObject({ counts: [1, 1, 1] });
  });
});
