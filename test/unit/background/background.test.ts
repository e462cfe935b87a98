import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { BADGE_COLORS } from '../../../lib/alerts/quota-badge';
import { emptyQuotaState, type QuotaState } from '../../../lib/core/quota-state';
import { fixtureJson, fixtureText } from '../fixtures';
import { badge, quotaMessage, restartBrowser, sendFromPage, sendSettled, settle, startWorker, stored, validSender } from './worker';

/**
 * The background against fakeBrowser: relay messages fired as real runtime events, then the
 * stored state and the toolbar badge (text, colour, title) checked after each rule.
 */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);
const CDM = 'conversation_detail_metadata';
const iso = (time: number) => new Date(time).toISOString();
const image = (remaining: number, resetsAt = NOW + 5 * HOUR) => ({ feature_name: 'image_gen', remaining, reset_after: iso(resetsAt) });
const deepResearch = { feature_name: 'deep_research', remaining: 25, reset_after: iso(NOW + 30 * 24 * HOUR) };
const cdm = (fields: Record<string, unknown>) => ({ type: CDM, blocked_features: [], model_limits: [], ...fields });

/** The CDM event of a captured stream, as the page would find it. */
function streamQuota(name: string): unknown {
  const line = fixtureText('real', name)
    .split('\n')
    .find((text) => text.includes(CDM));
  return JSON.parse((line ?? '').replace(/^data: /, ''));
}

/** The init response quoted in the original protocol notes (test/fixtures/documented). */
const SEED_EXAMPLE = fixtureJson('documented', 'init_seed_example_2026-04.json');

const { normal: NEUTRAL, low: AMBER, empty: RED, stale: GREY, none: NONE } = BADGE_COLORS;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

async function storedState(): Promise<QuotaState | undefined> {
  return (await stored('quotaState')) as QuotaState | undefined;
}

const send = (message: unknown, sender: Browser.runtime.MessageSender = validSender()) => sendSettled(message, sender);

const RULES: { rule: string; now?: number; quotas: unknown[]; text: string; color: string; title: string; remaining?: number }[] = [
  {
    rule: 'a real chat turn shows the image_gen remaining',
    now: Date.UTC(2026, 3, 24, 12),
    quotas: [streamQuota('stream_image_gen_turn_plus_2026-04.sse.txt')],
    text: '117',
    color: NEUTRAL,
    title: 'Image generations: 117 left',
    remaining: 117,
  },
  {
    rule: "the seed's init example",
    now: Date.UTC(2026, 3, 17, 12),
    quotas: [SEED_EXAMPLE],
    text: '68',
    color: NEUTRAL,
    title: '68 left',
    remaining: 68,
  },
  {
    rule: 'a Pro init without `type`',
    now: Date.UTC(2026, 8, 14),
    quotas: [fixtureJson('real', 'init_pro_without_type_2026-09.json')],
    text: '867',
    color: NEUTRAL,
    title: '867 left',
    remaining: 867,
  },
  {
    rule: 'amber at 10 or fewer (a real init with 3 left)',
    now: Date.UTC(2026, 8, 15, 12),
    quotas: [fixtureJson('real', 'init_blocked_file_upload_model_limits_2026-09.json')],
    text: '3',
    color: AMBER,
    title: '3 left',
    remaining: 3,
  },
  { rule: 'amber at 10', quotas: [cdm({ limits_progress: [image(10)] })], text: '10', color: AMBER, title: '10 left', remaining: 10 },
  { rule: 'neutral at 11', quotas: [cdm({ limits_progress: [image(11)] })], text: '11', color: NEUTRAL, title: '11 left', remaining: 11 },
  { rule: 'red "0" at 0', quotas: [cdm({ limits_progress: [image(0)] })], text: '0', color: RED, title: '0 left', remaining: 0 },
  {
    rule: '"999+" at 1000',
    quotas: [cdm({ limits_progress: [image(1000)] })],
    text: '999+',
    color: NEUTRAL,
    title: '999+ left',
    remaining: 1000,
  },
  {
    rule: 'red "0" when a real turn blocks image_gen without listing it',
    now: Date.UTC(2026, 8, 17, 22),
    quotas: [cdm({ limits_progress: [image(2, Date.UTC(2026, 8, 18, 1))] }), streamQuota('stream_cdm_cap_reached_free_2026-09.sse.txt')],
    text: '0',
    color: RED,
    title: 'used up (blocked)',
    remaining: 2,
  },
  {
    rule: 'red "0" when blocked, whatever limits_progress says',
    quotas: [cdm({ limits_progress: [image(50)], blocked_features: [{ name: 'image_gen', resets_after: iso(NOW + HOUR) }] })],
    text: '0',
    color: RED,
    title: 'used up (blocked)',
    remaining: 50,
  },
  {
    rule: 'a block with only the site wording (real partial capture) is red "0"',
    quotas: [fixtureJson('real', 'blocked_image_gen_free_partial.json')],
    text: '0',
    color: RED,
    title: 'used up (blocked)',
  },
  {
    rule: 'empty when no reading listed image_gen',
    quotas: [cdm({ limits_progress: [deepResearch] })],
    text: '',
    color: NONE,
    title: 'no reading yet',
  },
  {
    rule: 'limits_progress null leaves the badge as it was',
    quotas: [cdm({ limits_progress: [image(118)] }), cdm({ limits_progress: null })],
    text: '118',
    color: NEUTRAL,
    title: '118 left',
    remaining: 118,
  },
  {
    rule: 'limits_progress missing leaves the badge as it was',
    quotas: [cdm({ limits_progress: [image(118)] }), { type: CDM, blocked_features: [] }],
    text: '118',
    color: NEUTRAL,
    title: '118 left',
    remaining: 118,
  },
  {
    rule: 'other features only leave the badge as it was',
    quotas: [cdm({ limits_progress: [image(118)] }), cdm({ limits_progress: [deepResearch] })],
    text: '118',
    color: NEUTRAL,
    title: '118 left',
    remaining: 118,
  },
  {
    rule: 'a rejected reading changes nothing',
    quotas: [
      cdm({ limits_progress: [image(118)] }),
      cdm({ limits_progress: [image(-1)] }),
      cdm({ limits_progress: [{ ...image(5), remaining: 4.5 }] }),
    ],
    text: '118',
    color: NEUTRAL,
    title: '118 left',
    remaining: 118,
  },
];

describe('badge and storage after each rule', () => {
  it.each(RULES)('$rule', async ({ now = NOW, quotas, text, color, title, remaining }) => {
    vi.setSystemTime(now);
    await startWorker();
    await settle();
    for (const quota of quotas) await send(quotaMessage(quota));
    expect(await badge()).toMatchObject({ text, color });
    expect((await badge()).title).toContain(title);
    expect((await badge()).title).toContain('Quota Meter for ChatGPT');
    const state = await storedState();
    expect(state?.accounts.default?.features.image_gen?.remaining).toBe(remaining);
  });

  it('the stored state of a real chat turn holds every feature of it', async () => {
    vi.setSystemTime(Date.UTC(2026, 3, 24, 12));
    await startWorker();
    await send(quotaMessage(streamQuota('stream_image_gen_turn_plus_2026-04.sse.txt'), 'stream'));
    const account = (await storedState())?.accounts.default;
    expect(Object.keys(account?.features ?? {})).toEqual(['deep_research', 'odyssey', 'file_upload', 'paste_text_to_file', 'image_gen']);
    expect(account?.features.image_gen).toMatchObject({
      remaining: 117,
      resetsAt: Date.UTC(2026, 3, 25, 11, 31, 35, 443),
      source: 'stream',
    });
    expect(account?.defaultModel).toBe('gpt-5-3');
  });
});

describe('only our content script on chatgpt.com is heard', () => {
  const forged: [string, Partial<Browser.runtime.MessageSender>][] = [
    ['another origin', { url: 'https://evil.example/c/1' }],
    ['a look-alike host', { url: 'https://chatgpt.com.evil.example/' }],
    ['plain http', { url: 'http://chatgpt.com/' }],
    ['no tab (an extension page)', { tab: undefined }],
    ['another extension', { id: 'some-other-extension' }],
    ['no url', { url: undefined }],
    ['an unparseable url', { url: 'not a url' }],
  ];

  it.each(forged)('a message from %s changes nothing', async (_name, change) => {
    await startWorker();
    await settle();
    const before = { badge: await badge(), storage: await fakeBrowser.storage.local.get(null) };
    await send(quotaMessage(cdm({ limits_progress: [image(5)] })), { ...validSender(), ...change });
    expect(await badge()).toEqual(before.badge);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before.storage);
  });

  it('a malformed message from the right sender is logged, and changes nothing else', async () => {
    await startWorker();
    await send(quotaMessage(cdm({ limits_progress: [image(40)] })));
    const before = await storedState();
    await send({ type: 'page-finding', finding: { kind: 'quota', carrier: 'init', quota: 'not an object' }, account: null });
    await send({ type: 'set-anything', value: 1 });
    expect(await storedState()).toEqual(before);
    expect(await badge()).toMatchObject({ text: '40' });
    expect(await stored('diagnostics')).toEqual([
      expect.objectContaining({ where: 'background', reason: 'malformed relay message' }),
      expect.objectContaining({ where: 'background', reason: 'malformed relay message' }),
    ]);
  });

  it('a rejected reading is logged with a fixed code, without values', async () => {
    await startWorker();
    await send(quotaMessage(cdm({ limits_progress: [{ ...image(7), feature_name: 'SECRET-NAME', remaining: -7 }] })));
    const log = (await stored('diagnostics')) as { where: string; reason: string }[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ where: 'init' });
    expect(log[0]?.reason).toBe('reading rejected');
    expect(JSON.stringify(log)).not.toContain('SECRET-NAME');
    expect(await storedState()).toBeUndefined();
  });
});

describe('staleness, restarts and stored state', () => {
  it('the stale alarm turns the badge grey once the reset time has passed', async () => {
    await startWorker();
    await send(quotaMessage(cdm({ limits_progress: [image(42, NOW + HOUR)] })));
    expect(await badge()).toMatchObject({ text: '42', color: NEUTRAL });
    const alarm = await fakeBrowser.alarms.get('badge-stale');
    expect(alarm?.scheduledTime).toBe(NOW + HOUR);
    vi.setSystemTime(NOW + HOUR + 1);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await settle();
    const view = await badge();
    expect(view).toMatchObject({ text: '42', color: GREY });
    expect(view.title).toContain('It has probably reset');
    expect(await fakeBrowser.alarms.get('badge-stale')).toBeUndefined();
  });

  it('another alarm does not repaint', async () => {
    await startWorker();
    await send(quotaMessage(cdm({ limits_progress: [image(42, NOW + HOUR)] })));
    vi.setSystemTime(NOW + 2 * HOUR);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: NOW, persistAcrossSessions: false });
    await settle();
    expect(await badge()).toMatchObject({ text: '42', color: NEUTRAL });
  });

  it('after a browser restart the badge is back from storage before any page is opened', async () => {
    await startWorker();
    await send(quotaMessage(cdm({ limits_progress: [image(42, NOW + 5 * HOUR)] })));
    const before = await badge();
    expect(before.text).toBe('42');
    const kept = await fakeBrowser.storage.local.get(null);
    fakeBrowser.reset();
    expect((await badge()).text).toBe('');
    await fakeBrowser.storage.local.set(kept);
    await startWorker();
    await settle();
    const after = await badge();
    expect(after).toMatchObject({ text: before.text, color: before.color });
    expect(after.title).toContain('Image generations: 42 left');
    expect((await fakeBrowser.alarms.get('badge-stale'))?.scheduledTime).toBe(NOW + 5 * HOUR);
  });

  it('a restart after the reset time shows the number grey', async () => {
    await startWorker();
    await send(quotaMessage(cdm({ limits_progress: [image(42, NOW + HOUR)] })));
    vi.setSystemTime(NOW + 2 * HOUR);
    await restartBrowser();
    await settle();
    expect(await badge()).toMatchObject({ text: '42', color: GREY });
  });

  it('readings keep folding after a restart (fresh module state)', async () => {
    await startWorker();
    await send(quotaMessage(cdm({ limits_progress: [image(42)] })));
    await restartBrowser();
    await send(quotaMessage(cdm({ limits_progress: [deepResearch] })));
    const features = (await storedState())?.accounts.default?.features ?? {};
    expect(Object.keys(features).sort()).toEqual(['deep_research', 'image_gen']);
    expect(await badge()).toMatchObject({ text: '42' });
  });

  it.each([
    ['a string', 'garbage'],
    ['an array', []],
    ['another version', { version: 99, accounts: {}, activeAccount: 'default' }],
    [
      'a negative count',
      { version: 1, activeAccount: 'default', accounts: { default: { features: { image_gen: { name: 'image_gen', remaining: -5 } } } } },
    ],
  ])('corrupted stored state (%s) is replaced by an empty valid one and logged', async (_name, corrupted) => {
    await fakeBrowser.storage.local.set({ quotaState: corrupted });
    await startWorker();
    await settle();
    expect(await storedState()).toEqual(emptyQuotaState());
    expect(await stored('diagnostics')).toEqual([
      expect.objectContaining({ where: 'storage', reason: expect.stringMatching(/^stored state rejected/) }),
    ]);
    expect(await badge()).toMatchObject({ text: '', color: NONE });
    await send(quotaMessage(cdm({ limits_progress: [image(9)] })));
    expect(await badge()).toMatchObject({ text: '9', color: AMBER });
  });

  it('a reading that arrives while corrupted state is being replaced is kept', async () => {
    await fakeBrowser.storage.local.set({ quotaState: 'garbage' });
    await startWorker();
    await sendFromPage(quotaMessage(cdm({ limits_progress: [image(55)] })));
    await settle();
    expect((await storedState())?.accounts.default?.features.image_gen?.remaining).toBe(55);
    expect(await badge()).toMatchObject({ text: '55', color: NEUTRAL });
  });

  it('two messages fired at once are both folded', async () => {
    await startWorker();
    await settle();
    await Promise.all([
      sendFromPage(quotaMessage(cdm({ limits_progress: [image(30)] }))),
      sendFromPage(quotaMessage(cdm({ limits_progress: [deepResearch] }), 'stream')),
    ]);
    await settle();
    const features = (await storedState())?.accounts.default?.features ?? {};
    expect(features.image_gen?.remaining).toBe(30);
    expect(features.deep_research?.remaining).toBe(25);
    expect(await badge()).toMatchObject({ text: '30' });
  });

  it('a burst of ten messages from two tabs loses none', async () => {
    await startWorker();
    await settle();
    const names = Array.from({ length: 10 }, (_, index) => `feature_${index}`);
    await Promise.all(
      names.map((name, index) =>
        sendFromPage(quotaMessage(cdm({ limits_progress: [{ feature_name: name, remaining: index, reset_after: '' }] })), {
          ...validSender(),
          tab: { ...validSender().tab!, id: index % 2 },
        }),
      ),
    );
    await settle(20);
    expect(Object.keys((await storedState())?.accounts.default?.features ?? {}).sort()).toEqual(names);
  });
});
