import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../lib/core/apply-reading';
import { readingFromQuotaObject } from '../core/reading-from-quota-object';
import { type FeatureView, type PopupView, OUTDATED_AFTER_MS, popupView } from '../../../lib/view/popup-view';
import {
  type AccountState,
  type BlockedState,
  type FeatureState,
  activeAccountState,
  emptyAccountState,
  emptyQuotaState,
} from '../../../lib/core/quota-state';
import { fixtureJson } from '../fixtures';
import { HOUR, MINUTE, NOW, RESETS_AT, account, block, feature } from '../components/popup-states';

function onlyFeature(view: PopupView): FeatureView {
  expect(view.features).toHaveLength(1);
  return view.features[0]!;
}

describe('popupView: no reading yet', () => {
  it.each<[string, AccountState | undefined]>([
    ['no account', undefined],
    ['an account with nothing', emptyAccountState()],
    ['a reading without features or blocks', account([], { defaultModel: 'auto' })],
  ])('%s: says there is no reading', (_, state) => {
    const view = popupView(state, NOW);
    expect(view.hasReading).toBe(false);
    expect(view.features).toEqual([]);
  });

  it('keeps what a featureless reading did say (default model, freshness)', () => {
    const view = popupView(account([], { defaultModel: 'auto' }), NOW);
    expect(view.defaultModel).toBe('auto');
    expect(view.freshness).toEqual({ at: NOW - 2 * MINUTE, source: 'stream', outdated: false });
  });
});

describe('popupView: one feature', () => {
  it.each<[string, FeatureState, Partial<FeatureView>]>([
    [
      'normal image_gen',
      feature('image_gen', 68, { maxSeen: 112 }),
      { status: 'normal', blocked: false, remaining: 68, cap: { value: 112, source: 'maxSeen' } },
    ],
    ['image_gen at 10 is low', feature('image_gen', 10, { maxSeen: 120 }), { status: 'low' }],
    ['image_gen at 11 is not', feature('image_gen', 11, { maxSeen: 120 }), { status: 'normal' }],
    ['another feature at a fifth of its most seen is low', feature('file_upload', 16, { maxSeen: 80 }), { status: 'low' }],
    ['another feature above a fifth is not', feature('file_upload', 17, { maxSeen: 80 }), { status: 'normal' }],
    ['zero left is empty', feature('deep_research', 0, { maxSeen: 25 }), { status: 'empty', remaining: 0 }],
    ['zero ever seen gives no cap', feature('deep_research', 0, { maxSeen: 0 }), { status: 'empty', cap: null }],
    ['an unknown feature keeps its raw name', feature('video_gen_v9', 7), { name: 'video_gen_v9', status: 'normal' }],
    ['a reset ahead', feature('image_gen', 68), { reset: { kind: 'ahead', at: RESETS_AT } }],
    ['an unknown reset time', feature('deep_research', 25, { resetsAt: null }), { status: 'normal', reset: { kind: 'unknown' } }],
    [
      'full, window not started',
      feature('image_gen', 120, { windowNotStarted: true, resetsAt: NOW + 24 * HOUR }),
      { status: 'normal', reset: { kind: 'windowNotStarted' } },
    ],
    [
      'stale after its reset passed',
      feature('image_gen', 3, { resetsAt: NOW - MINUTE }),
      { status: 'stale', remaining: 3, reset: { kind: 'passed', at: NOW - MINUTE } },
    ],
    [
      'stale wins over window not started',
      feature('image_gen', 120, { windowNotStarted: true, resetsAt: NOW - HOUR }),
      { status: 'stale', reset: { kind: 'passed', at: NOW - HOUR } },
    ],
    [
      'a reset worked out from a refusal is marked estimated',
      feature('image_gen', 0, { resetEstimated: true }),
      { status: 'empty', resetEstimated: true },
    ],
    ['a server reset is not', feature('image_gen', 0), { resetEstimated: false }],
    ['the first reading of a window: 4 of a most seen 4 is no known cap, no bar', feature('image_gen', 4), { cap: null, mostSeen: 4 }],
    [
      'a drop seen from a higher count that came back up: the cap is known',
      feature('file_upload', 80, {
        maxSeen: 80,
        points: [
          { at: NOW - HOUR, remaining: 80 },
          { at: NOW - 30 * MINUTE, remaining: 79 },
          { at: NOW - 5 * MINUTE, remaining: 80 },
        ],
      }),
      { cap: { value: 80, source: 'maxSeen' } },
    ],
    [
      'two drops in the last hours: a forecast',
      feature('image_gen', 30, {
        maxSeen: 40,
        points: [
          { at: NOW - 2 * HOUR, remaining: 40 },
          { at: NOW - HOUR, remaining: 35 },
          { at: NOW - 10 * MINUTE, remaining: 30 },
        ],
      }),
      { forecast: { runsOutAt: NOW + (30 / 10) * 2 * HOUR, beforeReset: false } },
    ],
    [
      'no forecast once the reset has passed',
      feature('image_gen', 30, {
        resetsAt: NOW - MINUTE,
        points: [
          { at: NOW - 2 * HOUR, remaining: 40 },
          { at: NOW - HOUR, remaining: 35 },
          { at: NOW - 10 * MINUTE, remaining: 30 },
        ],
      }),
      { forecast: null, status: 'stale' },
    ],
    [
      'a feature read at the latest reading: where from, and no "last seen"',
      feature('image_gen', 9),
      { readFrom: { source: 'stream', at: NOW - 2 * MINUTE }, lastSeenAt: null },
    ],
    ['listed by the latest reading: no last-seen time', feature('image_gen', 68), { lastSeenAt: null }],
    [
      'listed only by an older reading: when it was seen',
      feature('dictation', 9, { seenAt: NOW - 3 * HOUR }),
      { lastSeenAt: NOW - 3 * HOUR },
    ],
  ])('%s', (_, state, expected) => {
    expect(onlyFeature(popupView(account([state]), NOW))).toMatchObject(expected);
  });
});

describe("popupView: the user's low thresholds", () => {
  it.each<[string, FeatureState, Record<string, number>, string]>([
    ['a chosen image threshold above the count', feature('image_gen', 40, { maxSeen: 120 }), { image_gen: 50 }, 'low'],
    ['a chosen image threshold below the count', feature('image_gen', 8, { maxSeen: 120 }), { image_gen: 5 }, 'normal'],
    ['another feature with its own threshold', feature('file_upload', 60, { maxSeen: 80 }), { file_upload: 60 }, 'low'],
    ['a threshold for another feature changes nothing', feature('file_upload', 60, { maxSeen: 80 }), { image_gen: 100 }, 'normal'],
  ])('%s', (_, state, lowThresholds, status) => {
    expect(onlyFeature(popupView(account([state]), NOW, { lowThresholds })).status).toBe(status);
  });
});

describe('popupView: image cooldowns', () => {
  it.each<[string, number[], number | null]>([
    ['none', [], null],
    ['one ahead', [NOW + 50 * MINUTE], NOW + 50 * MINUTE],
    ['one over', [NOW - MINUTE], null],
    ['the latest end of several', [NOW + 10 * MINUTE, NOW + 40 * MINUTE], NOW + 40 * MINUTE],
  ])('%s', (_, ends, expected) => {
    const cooldowns = ends.map((until) => ({ feature: 'image_gen', until, seenAt: NOW - 10 * MINUTE }));
    const view = popupView(account([feature('image_gen', 40), feature('send', 9)], { cooldowns }), NOW);
    expect(view.features.map((entry) => entry.cooldownUntil)).toEqual([expected, null]);
  });
});

describe('popupView: a pause for a feature no reading listed', () => {
  const pause = (feature: string, until: number) => ({ feature, until, seenAt: NOW - MINUTE });

  it.each<[string, AccountState, PopupView['cooldowns']]>([
    ['none', account([feature('image_gen', 40)]), []],
    ['one on a listed feature stays in its item', account([feature('image_gen', 40)], { cooldowns: [pause('image_gen', NOW + HOUR)] }), []],
    [
      'one on an unlisted feature is shown on its own',
      account([feature('send', 9)], { cooldowns: [pause('image_gen', NOW + HOUR)] }),
      [{ feature: 'image_gen', until: NOW + HOUR }],
    ],
    [
      'before any reading too',
      { ...emptyAccountState(), cooldowns: [pause('image_gen', NOW + HOUR)] },
      [{ feature: 'image_gen', until: NOW + HOUR }],
    ],
    ['one that is over is not', account([], { cooldowns: [pause('image_gen', NOW - MINUTE)] }), []],
  ])('%s', (_, state, expected) => {
    expect(popupView(state, NOW).cooldowns).toEqual(expected);
  });
});

describe('popupView: blocked features', () => {
  it.each<[string, FeatureState[], BlockedState, Partial<FeatureView>]>([
    [
      'shows 0 whatever limits_progress says, with the stated limit as cap',
      [feature('deep_research', 4, { maxSeen: 25 })],
      block('deep_research', { limit: 25, description: 'You have hit your limit.', resetsAfterText: 'in 3 hours' }),
      {
        status: 'blocked',
        blocked: true,
        remaining: 0,
        cap: { value: 25, source: 'limit' },
        reset: { kind: 'ahead', at: NOW + 3 * HOUR },
        siteDescription: 'You have hit your limit.',
        siteResetText: 'in 3 hours',
      },
    ],
    [
      'a block with no limit and no feature entry has no cap',
      [],
      block('image_gen', { resetsAt: null, resetsAfterText: '9小时 内' }),
      { name: 'image_gen', status: 'blocked', remaining: 0, cap: null, reset: { kind: 'unknown' }, siteResetText: '9小时 内' },
    ],
    [
      'a block whose time has passed is stale',
      [feature('file_upload', 0)],
      block('file_upload', { resetsAt: NOW - MINUTE }),
      { status: 'stale', blocked: true, remaining: 0, reset: { kind: 'passed', at: NOW - MINUTE } },
    ],
  ])('%s', (_, features, blocked, expected) => {
    expect(onlyFeature(popupView(account(features, { blocked: [blocked] }), NOW))).toMatchObject(expected);
  });

  it('shows a block listed twice once', () => {
    const view = popupView(account([], { blocked: [block('image_gen'), block('image_gen')] }), NOW);
    expect(view.features.map((entry) => entry.name)).toEqual(['image_gen']);
  });
});

describe('popupView: order', () => {
  it('puts image_gen first, then blocked, empty and low, then the rest by name', () => {
    const state = account(
      [
        feature('send', 50),
        feature('deep_research', 25),
        feature('file_upload', 0, { maxSeen: 80 }),
        feature('dictation', 2, { maxSeen: 40 }),
        feature('image_gen', 100),
        feature('reason', 5, { resetsAt: NOW - MINUTE }),
      ],
      { blocked: [block('zz_new')] },
    );
    expect(popupView(state, NOW).features.map((entry) => entry.name)).toEqual([
      'image_gen',
      'zz_new',
      'file_upload',
      'dictation',
      'deep_research',
      'reason',
      'send',
    ]);
  });

  it('orders the rest by the name the user reads, when given one', () => {
    const labels: Record<string, string> = { dictation: 'Dictation', reason: 'Thinking messages', send: 'Messages' };
    const state = account([feature('send', 50), feature('reason', 30), feature('dictation', 40)]);
    const view = popupView(state, NOW, { label: (name) => labels[name] ?? name });
    expect(view.features.map((entry) => entry.name)).toEqual(['dictation', 'send', 'reason']);
  });
});

describe('popupView: models and freshness', () => {
  it('lists capped models with their fallback and reset', () => {
    const view = popupView(
      account([feature('image_gen', 3)], {
        defaultModel: 'auto',
        modelLimits: [
          { model: 'gpt-5-6', fallback: 'gpt-5-6-mini', resetsAt: NOW + HOUR, description: 'Limit reached' },
          { model: 'o9', fallback: null, resetsAt: NOW - HOUR, description: null },
        ],
      }),
      NOW,
    );
    expect(view.defaultModel).toBe('auto');
    expect(view.modelLimits).toEqual([
      { model: 'gpt-5-6', fallback: 'gpt-5-6-mini', reset: { kind: 'ahead', at: NOW + HOUR }, description: 'Limit reached' },
      { model: 'o9', fallback: null, reset: { kind: 'passed', at: NOW - HOUR }, description: null },
    ]);
  });

  it.each([
    [OUTDATED_AFTER_MS, false],
    [OUTDATED_AFTER_MS + 1, true],
  ])('a reading %i ms old is outdated: %s', (age, outdated) => {
    const state = account([feature('image_gen', 3)], { lastReading: { at: NOW - age, source: 'init' } });
    expect(popupView(state, NOW).freshness).toEqual({ at: NOW - age, source: 'init', outdated });
  });
});

describe('popupView over a real capture', () => {
  it('shows the blocked file upload of init_blocked_file_upload_model_limits as blocked, and the capped model', () => {
    const receivedAt = Date.parse('2026-09-15T16:42:08Z');
    const parsed = readingFromQuotaObject(fixtureJson('real', 'init_blocked_file_upload_model_limits_2026-09.json'), {
      source: 'init',
      receivedAt,
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const view = popupView(activeAccountState(applyReading(emptyQuotaState(), parsed.reading)), receivedAt + MINUTE);
    expect(view.features.map((entry) => [entry.name, entry.status, entry.remaining])).toEqual([
      ['image_gen', 'low', 3],
      ['file_upload', 'blocked', 0],
      ['deep_research', 'normal', 5],
    ]);
    expect(view.features[1]?.siteDescription).toBe("You've hit your file limit.");
    expect(view.modelLimits.map((limit) => limit.model)).toEqual(['gpt-5-6']);
    expect(view.defaultModel).toBe('auto');
  });
});
