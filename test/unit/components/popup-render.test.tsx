// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../../components/popup-app';
import { popupView } from '../../../lib/view/popup-view';
import { type AccountState, type FeatureState, STATE_VERSION } from '../../../lib/core/quota-state';
import { defaultSettings } from '../../../lib/alerts/settings';
import { LivePopup } from '../../../entrypoints/popup/live-popup';
import { readFirstPaint } from '../../../lib/extension/first-paint-read';
import { TICK_MS } from '../../../lib/view/format-time';
import { HOUR, MINUTE, NOW, account, feature } from './popup-states';
import { englishMessage } from '../setup';

beforeAll(() => {
  // Clock times in the texts are local: pin the zone so "06:15 PM" is the same on every machine.
  process.env.TZ = 'UTC';
});

afterEach(() => {
  render(null, document.body);
  vi.useRealTimers();
});

function show(state: AccountState | undefined, storageProblem: string | null = null): HTMLElement {
  render(<PopupApp view={popupView(state, NOW)} now={NOW} storageProblem={storageProblem} />, document.body);
  return document.body;
}

function items(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.feature')];
}

function meterOf(item: HTMLElement): Record<string, string | null> {
  const meter = item.querySelector('[role="meter"]');
  if (!meter) return {};
  return Object.fromEntries(
    ['aria-label', 'aria-valuenow', 'aria-valuemax', 'aria-valuetext'].map((name) => [name, meter.getAttribute(name)]),
  );
}

/** What a screen reader reads of an element, in order: its texts, minus what is aria-hidden or hidden. */
function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"], [hidden]').forEach((hidden) => hidden.remove());
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}

describe('the popup, rendered', () => {
  it('has landmarks, a heading per level and a labelled meter per feature', () => {
    const root = show(account([feature('image_gen', 118, { maxSeen: 120 }), feature('deep_research', 25, { resetsAt: null })]));
    expect(root.querySelector('header h1')?.textContent).toBe('Quota Meter for ChatGPT');
    expect(root.querySelector('main h2')?.textContent).toBe('Quotas');
    expect(root.querySelector('footer')?.textContent).toContain('nothing leaves your browser');
    expect([...root.querySelectorAll('main ul > li h3')].map((heading) => heading.textContent)).toEqual([
      'Image generations',
      'Deep research',
    ]);
    expect(meterOf(items(root)[0]!)).toEqual({
      'aria-label': 'Image generations',
      'aria-valuenow': '118',
      'aria-valuemax': '120',
      'aria-valuetext': '118 left; most seen this window: 120',
    });
    expect(items(root)[0]!.textContent).toContain('Resets in 5 hr 12 min, 06:15 PM');
    expect(items(root)[0]!.querySelector('.feature-more-body')?.textContent).toContain('Most seen this window: 120');
    expect(items(root)[1]!.textContent).toContain('Reset time unknown');
    expect(root.querySelector('.freshness')?.textContent).toBe('Updated 2 min. ago · end of a chat turn');
  });

  it('never marks anything live: ticking countdowns must not be announced every 30 s', () => {
    const root = show(account([feature('image_gen', 3)], { blocked: [] }));
    expect(root.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="timer"]')).toHaveLength(0);
  });

  it.each<[string, FeatureState, string, string]>([
    ['low', feature('image_gen', 8, { maxSeen: 120 }), 'Low', '8 left; most seen this window: 120'],
    ['empty', feature('file_upload', 0, { maxSeen: 80 }), 'Used up', '0 left; most seen this window: 80'],
    ['stale', feature('image_gen', 3, { maxSeen: 90, resetsAt: NOW - HOUR }), 'Probably reset', '3 left; most seen this window: 90'],
  ])('says a %s status in words, next to the meter', (_, state, status, valueText) => {
    const item = items(show(account([state])))[0]!;
    expect(item.querySelector('.status')?.textContent).toBe(status);
    expect(meterOf(item)['aria-valuetext']).toBe(valueText);
  });

  it('mutes a number whose reset has passed and says how to confirm', () => {
    const item = items(show(account([feature('image_gen', 3, { resetsAt: NOW - HOUR })])))[0]!;
    expect(item.classList.contains('feature-stale')).toBe(true);
    expect(item.textContent).toContain('Probably reset at 12:03 PM; open or reload chatgpt.com to confirm');
  });

  it('shows a block as 0 with its limit, until when, and the site words as given', () => {
    const state = account([feature('deep_research', 4, { maxSeen: 25 })], {
      blocked: [
        {
          name: 'deep_research',
          resetsAt: NOW + 3 * HOUR,
          resetsAfterText: '9小时 内',
          limit: 25,
          description: "You've hit your limit.",
          reason: 'usage_limit',
        },
      ],
    });
    const item = items(show(state))[0]!;
    expect(item.querySelector('.status')?.textContent).toBe('Blocked');
    expect(item.querySelector('.count')?.textContent).toBe('0');
    expect(meterOf(item)['aria-valuetext']).toBe('0 of 25 left');
    expect(item.textContent).toContain('Until 04:03 PM (in 3 hr)');
    expect(item.querySelector('.site-text')?.textContent).toBe("chatgpt.com says: You've hit your limit. · 9小时 内");
  });

  it('gives a feature without a cap its count in words, and an unknown feature its raw name, marked unknown', () => {
    const state = account([], {
      blocked: [{ name: 'video_gen', resetsAt: null, resetsAfterText: null, limit: null, description: null, reason: null }],
    });
    const item = items(show(state))[0]!;
    expect(item.querySelector('h3')?.textContent).toBe('Unknown: video_gen');
    expect(item.querySelector('[role="meter"]')).toBeNull();
    expect(spokenText(item)).toBe('Unknown: video_gen Blocked 0 left Until unknown Details');
  });

  it('an unknown feature name the page chose, up to 200 characters, heads its row cut to 32, marked unknown (issue 23)', () => {
    const long = `Your account is suspended, call ${'9'.repeat(160)}`;
    const item = items(show(account([feature(long, 3)])))[0]!;
    expect(item.querySelector('h3')?.textContent).toBe(`Unknown: ${long.slice(0, 31)}…`);
  });

  it('says a full window has not started, and when an older reading saw a feature', () => {
    const root = show(
      account([feature('image_gen', 120, { windowNotStarted: true }), feature('dictation', 9, { seenAt: NOW - 3 * HOUR })]),
    );
    expect(items(root)[0]!.textContent).toContain('Full: the window starts with the first use');
    const details = [...items(root)[1]!.querySelectorAll('.feature-more-body p')].map((line) => line.textContent);
    expect(details).toEqual([
      'Most seen this window: 9',
      expect.stringMatching(/^Read 3 hr\.? ago · end of a chat turn$/),
      expect.stringMatching(/^Last seen 3 hr\.? ago \(not in the latest reading\)$/),
    ]);
  });

  it("opens and closes a feature's details with a disclosure button", async () => {
    const item = items(show(account([feature('image_gen', 9, { maxSeen: 40 })])))[0]!;
    const button = item.querySelector<HTMLButtonElement>('button.feature-more')!;
    const body = item.querySelector<HTMLElement>(`#${button.getAttribute('aria-controls')}`)!;
    expect([button.textContent, button.getAttribute('aria-expanded'), body.hidden]).toEqual(['Details', 'false', true]);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe('Image generations');
    await act(() => button.click());
    expect([button.getAttribute('aria-expanded'), body.hidden]).toEqual(['true', false]);
    expect(spokenText(body)).toBe('Most seen this window: 40 Read 2 min. ago · end of a chat turn');
  });

  it.each([
    ['runs out before the reset', 40, 'At this pace: out around 02:03 PM, before the 06:15 PM reset (estimate)'],
    ['lasts until the reset', 200, 'At this pace it lasts until the reset (estimate)'],
  ])('says at this pace when it %s, as an estimate', (_, start, words) => {
    // 30 used over the last 3 hours: a pace of 10 an hour, with 10 left (or 170) and the reset 5 hours away.
    const points = [
      { at: NOW - 3 * HOUR, remaining: start },
      { at: NOW - 2 * HOUR, remaining: start - 5 },
      { at: NOW - HOUR, remaining: start - 10 },
      { at: NOW - 10 * MINUTE, remaining: start - 30 },
    ];
    const item = items(show(account([feature('image_gen', start - 30, { maxSeen: start, points })])))[0]!;
    expect(item.querySelector('.feature-forecast')?.textContent).toBe(words);
  });

  it('says when a reset time is an estimate, and when the site paused image generation', () => {
    const state = account([feature('image_gen', 0, { resetEstimated: true, resetsAt: NOW + 14 * HOUR + 2 * MINUTE })], {
      cooldowns: [{ feature: 'image_gen', until: NOW + 52 * MINUTE, seenAt: NOW - 8 * MINUTE }],
    });
    const item = items(show(state))[0]!;
    expect(item.querySelector('.feature-detail')?.textContent).toContain(
      "Resets in about 14 hr 2 min, around Sat 03:05 AM (estimated from the site's message)",
    );
    expect(item.querySelector('.cooldown')?.textContent).toBe('Paused for generating too quickly, until about 01:55 PM (in 52 min)');
  });

  it('shows a pause for a feature that no reading listed on its own', () => {
    const root = show(account([], { cooldowns: [{ feature: 'image_gen', until: NOW + 52 * MINUTE, seenAt: NOW - 8 * MINUTE }] }));
    expect(root.querySelector('main .notice-warning')?.textContent).toBe(
      'Image generations: Paused for generating too quickly, until about 01:55 PM (in 52 min)',
    );
    expect(root.querySelector('main h2')?.textContent).toBe('No reading yet');
  });

  it('lists capped models and the default model', () => {
    const state = account([feature('image_gen', 50)], {
      defaultModel: 'auto',
      modelLimits: [{ model: 'gpt-5-6', fallback: 'gpt-5-6-mini', resetsAt: NOW + HOUR, description: 'Limit reached' }],
    });
    const models = show(state).querySelector('section.models')!;
    expect(models.querySelector('h2')?.textContent).toBe('Models');
    expect(spokenText(models.querySelector('li')!)).toBe(
      'gpt-5-6 falls back to gpt-5-6-mini Until 02:03 PM (in 1 hr) chatgpt.com says: Limit reached',
    );
    expect(models.querySelector('.default-model')?.textContent).toBe('Default model: auto');
  });

  it('warns in words when the reading is old', () => {
    const root = show(account([feature('image_gen', 50)], { lastReading: { at: NOW - 7 * HOUR, source: 'init' } }));
    expect(root.querySelector('.freshness')?.textContent).toBe('Updated 7 hr. ago · chat opened');
    expect(root.querySelector('.notice-warning')?.textContent).toContain('may be out of date');
  });

  it('without a reading, says how to get one and links to chatgpt.com', () => {
    const root = show(undefined);
    expect(root.querySelector('main h2')?.textContent).toBe('No reading yet');
    expect(root.querySelector('main')?.textContent).toContain('Tabs that were open before the extension was installed need a reload.');
    const link = root.querySelector('a');
    expect([link?.textContent, link?.getAttribute('href')]).toEqual(['Open chatgpt.com', 'https://chatgpt.com/']);
  });

  it('says so when stored state was rejected', () => {
    const root = show(undefined, 'stored state rejected at version');
    expect(root.querySelector('.notice-warning')?.textContent).toContain('could not be read');
  });
});

describe('the live popup', () => {
  const stored = (remaining: number) => ({
    version: STATE_VERSION,
    activeAccount: 'default',
    accounts: { default: account([feature('image_gen', remaining, { maxSeen: 120 })]) },
  });

  /** Storage has answered, and the chunk of the checked read (checked-read.ts) is loaded and watching. */
  async function settle(): Promise<void> {
    // act() renders at its end, and the first frame's render is what asks for the checked read's chunk.
    for (let round = 0; round < 3; round++) {
      await act(async () => {
        await vi.dynamicImportSettled();
        await vi.advanceTimersByTimeAsync(0);
      });
    }
  }

  it("reads storage, follows its changes and the user's settings, and ticks its countdowns", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    await fakeBrowser.storage.local.set({ quotaState: stored(68) });
    render(<LivePopup firstPaint={readFirstPaint()} />, document.body);
    await settle();
    const meter = () => document.body.querySelector('[role="meter"]')?.getAttribute('aria-valuenow');
    expect(meter()).toBe('68');

    await fakeBrowser.storage.local.set({ quotaState: stored(67) });
    await settle();
    expect(meter()).toBe('67');
    const resetLine = () => document.body.querySelector('.feature-detail')?.textContent;
    expect(resetLine()).toContain('Resets in 5 hr 12 min');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(2 * TICK_MS);
    });
    expect(resetLine()).toContain('Resets in 5 hr 11 min');

    expect(document.body.querySelector('.status')).toBeNull();
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), lowThresholds: { image_gen: 80 } } });
    await settle();
    expect(document.body.querySelector('.status')?.textContent).toBe('Low');
  });

  it('paints its first frame from the version-checked read alone, then reads through the stores', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    await fakeBrowser.storage.local.set({ quotaState: stored(68) });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const firstPaint = readFirstPaint();
    render(<LivePopup firstPaint={firstPaint} />, document.body);
    await act(async () => {
      await firstPaint;
    });
    expect(document.body.querySelector('[role="meter"]')?.getAttribute('aria-valuenow')).toBe('68');
    // One read so far: the first frame's (the quota state's head and the settings).
    expect(get.mock.calls).toEqual([[['quotaState', 'settings']]]);
    // The checked read's chunk is asked for once that frame has been painted (a frame, then a task).
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20);
    });
    await settle();
    expect(get.mock.calls.length).toBeGreaterThan(1);
    expect(document.body.querySelector('[role="meter"]')?.getAttribute('aria-valuenow')).toBe('68');
  });

  it('a state of this version that the views cannot read (a corrupted profile): no crash, then the checked read says so', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    // Passes the first frame's version check; `features` is not a record of features.
    await fakeBrowser.storage.local.set({
      quotaState: { version: STATE_VERSION, activeAccount: 'default', accounts: { default: { ...account([]), features: 5, blocked: 7 } } },
    });
    render(<LivePopup firstPaint={readFirstPaint()} />, document.body);
    await settle();
    expect(document.body.textContent).toContain(englishMessage('popup_storageProblem'));
    expect(document.body.querySelector('[role="meter"]')).toBeNull();
  });

  it('settings of another version wait for the checked read (migrated or rejected there), then the counts show', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await fakeBrowser.storage.local.set({ quotaState: stored(68), settings: { ...defaultSettings(), version: 99 } });
    render(<LivePopup firstPaint={readFirstPaint()} />, document.body);
    await settle();
    expect(document.body.querySelector('[role="meter"]')?.getAttribute('aria-valuenow')).toBe('68');
  });

  it('offers usage, settings and diagnostics as closed sections below the quotas, loaded when opened', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await fakeBrowser.storage.local.set({ quotaState: stored(68) });
    render(<LivePopup firstPaint={readFirstPaint()} />, document.body);
    await settle();
    const toggles = [...document.body.querySelectorAll<HTMLButtonElement>('main section > h2 > button')];
    expect(toggles.map((toggle) => [toggle.textContent, toggle.getAttribute('aria-expanded')])).toEqual([
      ['Usage, last 7 days', 'false'],
      ['Settings', 'false'],
      ['Diagnostics', 'false'],
    ]);
    const body = () => document.getElementById(toggles[1]!.getAttribute('aria-controls')!)!;
    expect([body().hidden, body().childElementCount]).toEqual([true, 0]);
    // Nothing announces itself while the popup is only looked at.
    expect(document.body.querySelectorAll('[aria-live], [role="status"], [role="alert"]')).toHaveLength(0);

    await act(() => toggles[1]!.click());
    await act(async () => {
      await vi.dynamicImportSettled();
    });
    expect(toggles[1]!.getAttribute('aria-expanded')).toBe('true');
    expect(body().hidden).toBe(false);
    expect(body().querySelector('#badge-feature')).not.toBeNull();

    await act(() => toggles[1]!.click());
    expect([toggles[1]!.getAttribute('aria-expanded'), body().hidden]).toEqual(['false', true]);
  });
});
