import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../lib/core/apply-reading';
import { MODEL_CAP_FEATURE, readingFromFinding } from '../../../lib/core/finding-readings';
import type { Finding } from '../../../lib/channel/page-message-schema';
import { readingFromQuotaObject } from './reading-from-quota-object';
import { badgeFor } from '../../../lib/alerts/quota-badge';
import { DEFAULT_ACCOUNT, emptyQuotaState, quotaStateSchema, type QuotaState } from '../../../lib/core/quota-state';
import type { Reading } from '../../../lib/core/quota-types';
import { fixtureText } from '../fixtures';
import { block, feature, HOUR, reading, T0 } from './readings';

/**
 * Findings that are not quota objects (a refusal, the legacy 429) become partial readings, and
 * fold into the state without erasing what they do not speak of. A block that a full reading
 * no longer lists leaves its feature at 0, as of a passed time: probably reset, not current.
 */

const MINUTE = 60_000;
const REFUSAL_DELAY = 14 * HOUR + 2 * MINUTE;

const refusal = (resetsInMs: number | null): Finding => ({ kind: 'refusal', carrier: 'stream', feature: 'image_gen', resetsInMs });
const modelCap = (clearsInMs: number): Finding => ({ kind: 'model-cap', carrier: 'stream', clearsInMs });

function readingOf(finding: Finding, at: number): Reading {
  const result = readingFromFinding(finding, at);
  if (result === null || !result.ok || result.kind !== 'quota') throw new Error(`no reading: ${JSON.stringify(result)}`);
  return result.reading;
}

function fold(steps: Reading[]): QuotaState {
  return steps.reduce((state, step) => applyReading(state, step), emptyQuotaState());
}

const account = (state: QuotaState) => state.accounts[DEFAULT_ACCOUNT];
const image = (state: QuotaState) => account(state)?.features.image_gen;
const imageAt = (at: number, remaining: number, resetsAt: number | null) =>
  reading(at, { source: 'stream', features: [feature('image_gen', remaining, resetsAt)], blocked: [] });

describe('readingFromFinding', () => {
  it.each([
    ['init', 'init'],
    ['stream', 'stream'],
    ['resume', 'resume'],
    ['websocket', 'websocket'],
  ] as const)('a quota object from %s is a reading of source %s', (carrier, source) => {
    const result = readingFromFinding({ kind: 'quota', carrier, quota: { type: 'conversation_detail_metadata', limits_progress: [] } }, T0);
    expect(result).toMatchObject({ ok: true, reading: { source, receivedAt: T0, features: [] } });
  });

  it('a quota object said to come from the account carrier is rejected', () => {
    expect(readingFromFinding({ kind: 'quota', carrier: 'account', quota: { limits_progress: [] } }, T0)).toEqual({
      ok: false,
      error: 'quota from account',
    });
  });

  it('a refusal is image_gen at 0 with an estimated reset, and nothing else', () => {
    expect(readingOf(refusal(REFUSAL_DELAY), T0)).toEqual({
      source: 'refusal',
      receivedAt: T0,
      features: [{ name: 'image_gen', remaining: 0, resetsAt: T0 + REFUSAL_DELAY, resetEstimated: true }],
      blocked: null,
      modelLimits: null,
      defaultModel: null,
      unknownFields: [],
    });
  });

  it('a refusal without a stated time has an unknown reset, not "now"', () => {
    expect(readingOf(refusal(null), T0).features).toEqual([{ name: 'image_gen', remaining: 0, resetsAt: null, resetEstimated: true }]);
  });

  it('the legacy 429 is a blocked model_cap entry until clears_in, and nothing else', () => {
    const result = readingOf(modelCap(9_665_000), T0);
    expect(result).toMatchObject({ source: 'http429', features: null, modelLimits: null });
    expect(result.blocked).toEqual([
      {
        name: MODEL_CAP_FEATURE,
        resetsAt: T0 + 9_665_000,
        resetsAfterText: null,
        limit: null,
        description: null,
        reason: 'model_cap_exceeded',
      },
    ]);
  });

  it.each<Finding>([
    { kind: 'plan', carrier: 'stream', plan: 'plus' },
    { kind: 'account', carrier: 'account' },
    { kind: 'cooldown', carrier: 'stream', feature: 'image_gen', cooldownMs: HOUR },
    { kind: 'ignored', carrier: 'init', reason: 'HTTP 500' },
  ])('a $kind finding is not a reading', (finding) => {
    expect(readingFromFinding(finding, T0)).toBeNull();
  });
});

describe('a refusal folded into the state', () => {
  it('sets image_gen to 0 with the estimated reset, marked estimated; the badge is red "0"', () => {
    const state = fold([imageAt(T0, 12, T0 + 20 * HOUR), readingOf(refusal(REFUSAL_DELAY), T0 + HOUR)]);
    expect(image(state)).toMatchObject({ remaining: 0, resetsAt: T0 + HOUR + REFUSAL_DELAY, resetEstimated: true, source: 'refusal' });
    expect(badgeFor(account(state), T0 + HOUR)).toMatchObject({ text: '0', status: 'empty' });
  });

  it.each([
    ['4 minutes later than the estimate', 4 * MINUTE],
    ['exactly 5 minutes earlier', -5 * MINUTE],
    ['the same time', 0],
  ])('an exact server reset %s is kept, not marked estimated', (_name, offset) => {
    const at = T0 + HOUR;
    const exact = at + REFUSAL_DELAY + offset;
    const state = fold([imageAt(T0, 3, exact), readingOf(refusal(REFUSAL_DELAY), at)]);
    expect(image(state)).toMatchObject({ remaining: 0, resetsAt: exact, resetEstimated: false });
  });

  it.each([
    ['more than 5 minutes apart', imageAt(T0, 3, T0 + HOUR + REFUSAL_DELAY + 6 * MINUTE)],
    ['a server reset that has passed', imageAt(T0, 3, T0 + 30 * MINUTE)],
    ['an earlier estimate (not exact)', readingOf(refusal(REFUSAL_DELAY + 2 * MINUTE), T0 + HOUR - 1000)],
  ])('with %s, the new estimate is used and marked', (_name, before) => {
    const state = fold([before, readingOf(refusal(REFUSAL_DELAY), T0 + HOUR)]);
    expect(image(state)).toMatchObject({ remaining: 0, resetsAt: T0 + HOUR + REFUSAL_DELAY, resetEstimated: true });
  });

  it('a refusal without a time keeps a known exact reset', () => {
    const state = fold([imageAt(T0, 3, T0 + 10 * HOUR), readingOf(refusal(null), T0 + HOUR)]);
    expect(image(state)).toMatchObject({ remaining: 0, resetsAt: T0 + 10 * HOUR, resetEstimated: false });
  });

  it('a refusal without a time and nothing known: reset unknown, not estimated', () => {
    const state = fold([readingOf(refusal(null), T0)]);
    expect(image(state)).toMatchObject({ remaining: 0, resetsAt: null, resetEstimated: false });
    expect(badgeFor(account(state), T0 + 48 * HOUR)).toMatchObject({ text: '0', status: 'empty' });
  });

  it('leaves the other features, the blocked list and the model limits as they were', () => {
    const before = reading(T0, {
      features: [feature('image_gen', 2, T0 + 5 * HOUR), feature('deep_research', 25, T0 + 700 * HOUR)],
      blocked: [block('file_upload', T0 + 2 * HOUR)],
      modelLimits: [{ model: 'gpt-5-6', fallback: 'auto', resetsAt: T0 + 3 * HOUR, description: null }],
    });
    const state = fold([before, readingOf(refusal(REFUSAL_DELAY), T0 + HOUR)]);
    expect(account(state)?.features.deep_research?.remaining).toBe(25);
    expect(account(state)?.blocked.map((entry) => entry.name)).toEqual(['file_upload']);
    expect(account(state)?.modelLimits).toHaveLength(1);
  });

  it('the next full reading gives the real count back, with an exact time', () => {
    const state = fold([readingOf(refusal(REFUSAL_DELAY), T0), imageAt(T0 + 15 * HOUR, 120, T0 + 39 * HOUR)]);
    expect(image(state)).toMatchObject({ remaining: 120, resetsAt: T0 + 39 * HOUR, resetEstimated: false });
  });
});

describe('the legacy model cap folded into the state', () => {
  const blockedNames = (state: QuotaState) => account(state)?.blocked.map((entry) => entry.name);

  it('adds a blocked model_cap entry without replacing the blocked features already known', () => {
    const state = fold([
      reading(T0, { blocked: [block('image_gen', T0 + 5 * HOUR), block('file_upload', T0 + 5 * HOUR)] }),
      readingOf(modelCap(9_665_000), T0 + HOUR),
    ]);
    expect(blockedNames(state)).toEqual([MODEL_CAP_FEATURE, 'image_gen', 'file_upload']);
    expect(account(state)?.blocked[0]?.resetsAt).toBe(T0 + HOUR + 9_665_000);
  });

  it('a second 429 replaces the first model_cap entry (one entry, the new time)', () => {
    const state = fold([readingOf(modelCap(1000), T0), readingOf(modelCap(60_000), T0 + 10_000)]);
    expect(account(state)?.blocked).toHaveLength(1);
    expect(account(state)?.blocked[0]?.resetsAt).toBe(T0 + 70_000);
  });

  it('a refusal (partial) keeps the model_cap entry', () => {
    const state = fold([readingOf(modelCap(HOUR), T0), readingOf(refusal(REFUSAL_DELAY), T0 + 1000)]);
    expect(blockedNames(state)).toEqual([MODEL_CAP_FEATURE]);
  });

  it('a full CDM reading replaces the blocked list but keeps a running legacy model cap (the CDM never speaks of it)', () => {
    const state = fold([readingOf(modelCap(HOUR), T0), reading(T0 + 1000, { blocked: [block('image_gen', T0 + 5 * HOUR)] })]);
    expect(blockedNames(state)).toEqual(['image_gen', MODEL_CAP_FEATURE]);
    expect(account(state)?.features[MODEL_CAP_FEATURE]).toBeUndefined();
  });

  it('a full CDM reading after the model cap cleared drops it, without making it a feature', () => {
    const state = fold([readingOf(modelCap(1000), T0), reading(T0 + 5000, { blocked: [] })]);
    expect(blockedNames(state)).toEqual([]);
    expect(account(state)?.features[MODEL_CAP_FEATURE]).toBeUndefined();
  });

  it('a CDM that does not carry blocked_features at all keeps it', () => {
    const state = fold([readingOf(modelCap(HOUR), T0), reading(T0 + 1000, { features: [feature('image_gen', 5, T0 + HOUR)] })]);
    expect(blockedNames(state)).toEqual([MODEL_CAP_FEATURE]);
  });
});

describe('a block that has been lifted', () => {
  const CAP_STREAM = fixtureText('real', 'stream_cdm_cap_reached_free_2026-09.sse.txt').replace(/^data: /, '');
  const CAP_AT = Date.UTC(2026, 8, 17, 20, 18, 40);
  const BLOCK_ENDS = Date.parse('2026-09-18T01:18:40.658Z');

  function capReading(): Reading {
    const result = readingFromQuotaObject(JSON.parse(CAP_STREAM), { source: 'stream', receivedAt: CAP_AT });
    if (!result.ok) throw new Error(result.error);
    return result.reading;
  }

  const liftedAt = (at: number) => reading(at, { source: 'init', features: [feature('deep_research', 5, at + 700 * HOUR)], blocked: [] });

  it('the captured cap blocks image_gen: the badge is red "0"', () => {
    const state = fold([imageAt(CAP_AT - HOUR, 2, BLOCK_ENDS), capReading()]);
    expect(badgeFor(account(state), CAP_AT)).toMatchObject({ text: '0', status: 'blocked' });
  });

  it.each([
    ['before the block was due to end', CAP_AT + HOUR],
    ['after the block was due to end', BLOCK_ENDS + HOUR],
  ])('lifted %s: image_gen stays at 0 with a passed reset, so the badge says stale', (_name, at) => {
    const state = fold([imageAt(CAP_AT - HOUR, 2, BLOCK_ENDS), capReading(), liftedAt(at)]);
    const lifted = image(state);
    expect(account(state)?.blocked).toEqual([]);
    expect(lifted).toMatchObject({ remaining: 0, resetEstimated: false, windowNotStarted: false });
    expect(lifted?.resetsAt).toBe(Math.min(at, BLOCK_ENDS));
    expect(lifted!.resetsAt! <= at).toBe(true);
    expect(badgeFor(account(state), at)).toMatchObject({ text: '0', status: 'stale' });
    expect(quotaStateSchema.safeParse(state).success).toBe(true);
  });

  it('a feature that was only ever blocked gets its cap from the block, as most seen', () => {
    const state = fold([capReading(), liftedAt(CAP_AT + HOUR)]);
    expect(account(state)?.features.file_upload).toMatchObject({ remaining: 0, maxSeen: 5 });
    expect(image(state)).toMatchObject({ remaining: 0, maxSeen: 3 });
  });

  it('a full reading that lists the feature gives its count instead', () => {
    const state = fold([
      capReading(),
      reading(CAP_AT + 6 * HOUR, { features: [feature('image_gen', 3, CAP_AT + 30 * HOUR)], blocked: [] }),
    ]);
    expect(image(state)).toMatchObject({ remaining: 3, resetsAt: CAP_AT + 30 * HOUR });
    expect(badgeFor(account(state), CAP_AT + 6 * HOUR)).toMatchObject({ text: '3', status: 'low' });
  });

  it('a block still listed is not lifted', () => {
    const state = fold([capReading(), reading(CAP_AT + HOUR, { blocked: [block('image_gen', BLOCK_ENDS)] })]);
    expect(image(state)).toBeUndefined();
    expect(badgeFor(account(state), CAP_AT + HOUR)).toMatchObject({ status: 'blocked' });
  });

  it.each([
    ['a refusal', () => readingOf(refusal(REFUSAL_DELAY), CAP_AT + HOUR)],
    ['a 429', () => readingOf(modelCap(HOUR), CAP_AT + HOUR)],
    ['a reading without blocked_features', () => reading(CAP_AT + HOUR, { features: [feature('deep_research', 5, null)] })],
  ])('%s lifts nothing', (_name, next) => {
    const state = fold([capReading(), next()]);
    expect(account(state)?.blocked.map((entry) => entry.name)).toContain('image_gen');
    expect(account(state)?.features.file_upload).toBeUndefined();
  });
});
