import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/alerts/settings';
import { emptyModelCounts, recordCapsSeen, recordTurn } from '../../../lib/core/model-counts';
import { countedModelViews } from '../../../lib/view/counted-models';
import { parseModelCap, withModelCap } from '../../../lib/view/popup-settings';

/** The popup's counted models and the cap fields' rules (lib/view/counted-models.ts, popup-settings.ts). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 5, 12);
const ACCOUNT = 'default';

function countsOf(turns: Array<[string, number]>) {
  return turns.reduce((counts, [model, at]) => recordTurn(counts, ACCOUNT, model, null, at), emptyModelCounts());
}

describe('countedModelViews', () => {
  it('every model used in the last 7 days, most used first, with display names and the three windows', () => {
    const counts = countsOf([
      ['gpt-5-thinking', NOW - 2 * DAY],
      ['gpt-5-thinking', NOW - 5 * HOUR],
      ['gpt-5-thinking', NOW - HOUR],
      ['brand-new-model', NOW - MINUTE],
    ]);
    const views = countedModelViews(counts, ACCOUNT, defaultSettings(), NOW);
    expect(views.map((view) => [view.name, view.counts])).toEqual([
      ['GPT-5 Thinking', [1, 2, 3]],
      ['brand-new-model', [1, 1, 1]],
    ]);
    expect(views.every((view) => view.cap === null && view.capSeen === null && !view.atLeast)).toBe(true);
  });

  it('how many of the 7 days\' turns "auto" chose the model for', () => {
    let counts = recordTurn(emptyModelCounts(), ACCOUNT, 'gpt-5-thinking', null, NOW - HOUR, true);
    counts = recordTurn(counts, ACCOUNT, 'gpt-5-thinking', null, NOW - MINUTE);
    expect(countedModelViews(counts, ACCOUNT, defaultSettings(), NOW)[0]).toMatchObject({ counts: [2, 2, 2], auto: 1 });
  });

  it('a model last used 8 days ago is not shown, unless the user capped it', () => {
    const counts = countsOf([['o3-pro', NOW - 8 * DAY]]);
    expect(countedModelViews(counts, ACCOUNT, defaultSettings(), NOW)).toEqual([]);
    const capped = { ...defaultSettings(), modelCaps: { 'o3-pro': { limit: 20, windowHours: 168 } } };
    expect(countedModelViews(counts, ACCOUNT, capped, NOW)[0]?.cap).toMatchObject({
      left: 20,
      limit: 20,
      windowHours: 168,
      status: 'normal',
    });
  });

  it('with a cap: what is left from the meter; with a cap seen: the counts then', () => {
    let counts = countsOf([1, 2, 3, 4].map((n): [string, number] => ['gpt-5-thinking', NOW - n * MINUTE]));
    counts = recordCapsSeen(counts, ACCOUNT, [{ model: 'gpt-5-thinking', fallback: null, resetsAt: NOW + HOUR, description: null }], NOW);
    const settings = { ...defaultSettings(), modelCaps: { 'gpt-5-thinking': { limit: 5, windowHours: 3 } } };
    const [view] = countedModelViews(counts, ACCOUNT, settings, NOW);
    expect(view?.cap).toMatchObject({ left: 1, status: 'low', freedAt: NOW - 4 * MINUTE + 3 * HOUR });
    expect(view?.capSeen).toEqual({ at: NOW, counts: [4, 4, 4] });
  });

  it('another account shows nothing', () => {
    expect(countedModelViews(countsOf([['gpt-5', NOW]]), 'acct-0123456789abcdef', defaultSettings(), NOW)).toEqual([]);
  });
});

describe('the cap fields', () => {
  it.each([
    ['5', '3', { ok: true, value: { limit: 5, windowHours: 3 } }],
    [' 160 ', '168', { ok: true, value: { limit: 160, windowHours: 168 } }],
    ['', '3', { ok: true, value: null }],
    ['0', '3', { ok: false }],
    ['5', '169', { ok: false }],
    ['5', '', { ok: false }],
    ['five', '3', { ok: false }],
    ['5.5', '3', { ok: false }],
  ])('cap %j per %j hours', (limit, hours, expected) => expect(parseModelCap(limit, hours)).toEqual(expected));

  it('set, changed and removed; the same cap gives the same settings back', () => {
    const settings = defaultSettings();
    const set = withModelCap(settings, 'gpt-5-thinking', { limit: 5, windowHours: 3 });
    expect(set.modelCaps).toEqual({ 'gpt-5-thinking': { limit: 5, windowHours: 3 } });
    expect(withModelCap(set, 'gpt-5-thinking', { limit: 5, windowHours: 3 })).toBe(set);
    expect(withModelCap(set, 'gpt-5-thinking', null).modelCaps).toEqual({});
    expect(withModelCap(settings, 'gpt-5-thinking', null)).toBe(settings);
  });
});
