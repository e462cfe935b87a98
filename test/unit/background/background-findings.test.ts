import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLORS } from '../../../lib/alerts/quota-badge';
import type { QuotaState } from '../../../lib/core/quota-state';
import { MAX_HELD_MS } from '../../../lib/channel/runtime-messages';
import type { UsageHistory } from '../../../lib/core/usage-history';
import { fixtureJson } from '../fixtures';
import { badge, findingMessage, quotaMessage, sendSettled, startWorker, stored } from './worker';

/**
 * Findings other than quota objects, through the real background against fakeBrowser: a refusal,
 * the legacy 429, a cooldown; and what the background keeps besides the state (usage history,
 * the last finding of each carrier for diagnostics).
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);
const CDM = 'conversation_detail_metadata';
const iso = (time: number) => new Date(time).toISOString();
const cdm = (imageCount: number, resetsAt = NOW + 5 * HOUR) => ({
  type: CDM,
  blocked_features: [],
  model_limits: [],
  limits_progress: [{ feature_name: 'image_gen', remaining: imageCount, reset_after: iso(resetsAt) }],
});
const REFUSAL = { kind: 'refusal', carrier: 'stream', feature: 'image_gen', resetsInMs: 14 * HOUR + 2 * MINUTE };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

const send = (message: unknown) => sendSettled(message);

async function state(): Promise<QuotaState> {
  return (await stored('quotaState')) as QuotaState;
}

describe('a refusal of the image tool', () => {
  it('makes the badge a red "0", with the estimated reset stored as such', async () => {
    await startWorker();
    await send(quotaMessage(cdm(12)));
    expect(await badge()).toMatchObject({ text: '12' });
    const refusedAt = Date.now();
    await send(findingMessage(REFUSAL));
    expect(await badge()).toMatchObject({ text: '0', color: BADGE_COLORS.empty });
    expect((await state()).accounts.default?.features.image_gen).toMatchObject({
      remaining: 0,
      resetsAt: refusedAt + REFUSAL.resetsInMs,
      resetEstimated: true,
      source: 'refusal',
    });
    expect((await badge()).title).toContain('0 left');
  });

  it('on a fresh install, it is the first reading', async () => {
    await startWorker();
    await send(findingMessage({ ...REFUSAL, resetsInMs: null }));
    expect(await badge()).toMatchObject({ text: '0', color: BADGE_COLORS.empty });
  });

  it('a forged refusal for another feature is rejected, and logged', async () => {
    await startWorker();
    await send(quotaMessage(cdm(12)));
    await send(findingMessage({ ...REFUSAL, feature: 'deep_research' }));
    expect(await badge()).toMatchObject({ text: '12' });
    expect(await stored('diagnostics')).toEqual([expect.objectContaining({ reason: 'malformed relay message' })]);
  });
});

describe('other findings', () => {
  it('the legacy 429 adds a blocked model cap, and keeps the image count', async () => {
    await startWorker();
    await send(quotaMessage(cdm(40)));
    const at = Date.now();
    await send(findingMessage({ kind: 'model-cap', carrier: 'stream', clearsInMs: 9_665_000 }));
    const account = (await state()).accounts.default;
    expect(account?.blocked).toEqual([
      expect.objectContaining({ name: 'model_cap', resetsAt: at + 9_665_000, reason: 'model_cap_exceeded' }),
    ]);
    expect(await badge()).toMatchObject({ text: '40' });
  });

  it('a cooldown is stored with its end; the count is left as it was', async () => {
    await startWorker();
    await send(quotaMessage(cdm(40)));
    const at = Date.now();
    await send(findingMessage({ kind: 'cooldown', carrier: 'stream', feature: 'image_gen', cooldownMs: HOUR }));
    expect((await state()).accounts.default?.cooldowns).toEqual([{ feature: 'image_gen', until: at + HOUR, seenAt: at }]);
    expect(await badge()).toMatchObject({ text: '40' });
  });

  it('an ignored response is only logged, with its carrier and reason', async () => {
    await startWorker();
    await send(findingMessage({ kind: 'ignored', carrier: 'stream', reason: 'HTTP 502' }));
    expect(await stored('quotaState')).toBeUndefined();
    expect(await stored('diagnostics')).toEqual([expect.objectContaining({ where: 'stream', reason: 'HTTP 502' })]);
  });
});

describe('usage history', () => {
  const today = () => Math.floor((NOW - new Date(NOW).getTimezoneOffset() * MINUTE) / (24 * HOUR));

  it('grows when image_gen drops between two readings of one window', async () => {
    await startWorker();
    await send(quotaMessage(cdm(50)));
    expect(await stored('usageHistory')).toBeUndefined();
    await send(quotaMessage(cdm(46), 'stream'));
    await send(quotaMessage(cdm(45), 'stream'));
    const history = (await stored('usageHistory')) as UsageHistory;
    expect(history.accounts.default?.image_gen).toEqual([[today(), 5]]);
  });

  it('a refusal, a refill and a new window add nothing', async () => {
    await startWorker();
    await send(quotaMessage(cdm(50)));
    await send(findingMessage(REFUSAL));
    await send(quotaMessage(cdm(80)));
    vi.setSystemTime(NOW + 6 * HOUR);
    await send(quotaMessage(cdm(70, NOW + 30 * HOUR)));
    expect((await state()).accounts.default?.features.image_gen?.remaining).toBe(70);
    expect(await stored('usageHistory')).toBeUndefined();
  });
});

describe('the last finding of each carrier, for diagnostics', () => {
  it('keeps the last one per carrier (and per other kind)', async () => {
    await startWorker();
    await send(quotaMessage(cdm(50), 'init'));
    await send(quotaMessage(cdm(49), 'stream'));
    await send(quotaMessage(cdm(48), 'stream'));
    await send(findingMessage(REFUSAL));
    await send(findingMessage({ kind: 'plan', carrier: 'stream', plan: 'plus' }));
    const last = (await stored('lastFindings')) as Record<
      string,
      { at: number; finding: { quota?: { limits_progress?: { remaining: number }[] } } }
    >;
    expect(Object.keys(last).sort()).toEqual(['init', 'plan', 'refusal', 'stream']);
    expect(last.init?.finding.quota?.limits_progress?.[0]?.remaining).toBe(50);
    expect(last.stream?.finding.quota?.limits_progress?.[0]?.remaining).toBe(48);
    expect(last.refusal?.finding).toEqual(REFUSAL);
  });

  it('keeps quota fields only, even when the message carried more', async () => {
    await startWorker();
    const chatty = {
      ...cdm(33),
      conversation_id: 'c77318e0-2fd8-4c30-8280-0f2186c8f08d',
      title: 'MY PRIVATE TITLE',
      limits_progress: [{ feature_name: 'image_gen', remaining: 33, reset_after: iso(NOW + HOUR), prompt: 'MY PRIVATE PROMPT' }],
    };
    await send(findingMessage({ kind: 'quota', carrier: 'resume', quota: chatty }));
    expect((await state()).accounts.default?.features.image_gen?.remaining).toBe(33);
    const kept = JSON.stringify(await stored('lastFindings'));
    expect(kept).toContain('"remaining":33');
    for (const secret of ['c77318e0', 'MY PRIVATE TITLE', 'MY PRIVATE PROMPT']) expect(kept).not.toContain(secret);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('MY PRIVATE');
  });

  it('a rejected reading is not kept', async () => {
    await startWorker();
    await send(quotaMessage({ ...cdm(1), limits_progress: [{ feature_name: 'image_gen', remaining: -1, reset_after: '' }] }));
    expect(await stored('lastFindings')).toBeUndefined();
  });

  it('the real init without type is kept as its quota fields', async () => {
    vi.setSystemTime(Date.UTC(2026, 8, 14));
    await startWorker();
    await send(quotaMessage(fixtureJson('real', 'init_pro_without_type_2026-09.json')));
    const last = (await stored('lastFindings')) as Record<string, unknown>;
    expect(Object.keys(last)).toEqual(['init']);
  });
});

describe('a finding the relay held back under its rate limit (lib/channel/paced-sender.ts)', () => {
  it('is dated when the page received it: a reset given as a delay is counted from then', async () => {
    await startWorker();
    const arrived = Date.now();
    await send({ ...findingMessage(REFUSAL), heldMs: 5_000 });
    const feature = (await state()).accounts.default?.features.image_gen;
    expect(feature?.resetsAt).toBe(arrived - 5_000 + REFUSAL.resetsInMs);
    const last = (await stored('lastFindings')) as Record<string, { at: number }>;
    expect(last.refusal?.at).toBe(arrived - 5_000);
  });

  it.each([
    ['negative', -1],
    ['not whole', 1.5],
    ['longer than any hold', MAX_HELD_MS + 1],
    ['not a number', '5000'],
  ])('a hold that is %s makes the message malformed, logged', async (_name, heldMs) => {
    await startWorker();
    await send(quotaMessage(cdm(12)));
    await send({ ...findingMessage(REFUSAL), heldMs });
    expect((await state()).accounts.default?.features.image_gen?.remaining).toBe(12);
    expect(await stored('diagnostics')).toEqual([expect.objectContaining({ reason: 'malformed relay message' })]);
  });
});
