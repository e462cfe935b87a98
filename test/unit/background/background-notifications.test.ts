import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { windowKey, type NoticeLedger } from '../../../lib/alerts/notice-ledger';
import { defaultSettings, type Settings } from '../../../lib/alerts/settings';
import { englishMessage } from '../setup';
import { badge, quotaMessage, restartWorker, sendFromPage, sendSettled, settle, startWorker, stored, validSender } from './worker';

/**
 * Notifications through the real background against fakeBrowser: the optional permission
 * granted or not, one notice per window whatever tabs and restarts do, the refill alarm, and a
 * click on a notification bringing chatgpt.com back.
 */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);
const RESET = NOW + 5 * HOUR;
const WINDOW = windowKey(RESET);
const cdm = (imageCount: number, resetsAt = RESET) => ({
  type: 'conversation_detail_metadata',
  blocked_features: [],
  limits_progress: [{ feature_name: 'image_gen', remaining: imageCount, reset_after: new Date(resetsAt).toISOString() }],
});
const NOTIFY: Settings = { ...defaultSettings(), notifications: true };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

const send = (message: unknown, sender: Browser.runtime.MessageSender = validSender()) => sendSettled(message, sender, 20);

async function shown(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll()).sort();
}

async function startWith(settings: Settings | null, notificationsGranted: boolean): Promise<void> {
  if (settings) await fakeBrowser.storage.local.set({ settings });
  await startWorker({ notificationsGranted });
  await settle();
}

async function refillAlarms(): Promise<Browser.alarms.Alarm[]> {
  return (await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.name.startsWith('refill|'));
}

async function fire(alarm: Browser.alarms.Alarm): Promise<void> {
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await settle(20);
}

describe('with notifications on and the permission granted', () => {
  it('crossing the threshold shows exactly one notification, with the count and the reset', async () => {
    await startWith(NOTIFY, true);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await send(quotaMessage(cdm(50)));
    expect(await shown()).toEqual([]);
    await send(quotaMessage(cdm(9), 'stream'));
    expect(await shown()).toEqual([`low|default|image_gen|${WINDOW}`]);
    expect(created).toHaveBeenCalledTimes(1);
    const options = fakeBrowser.notifications.getAllCreateOptions()[`low|default|image_gen|${WINDOW}`];
    expect(options).toMatchObject({ type: 'basic', title: 'Image generations running low: 9 left' });
    expect(options?.message).toMatch(/^Resets /);
    expect(options?.iconUrl).toMatch(/icon\/128\.png$/);
  });

  it('with the run-out forecast on, the low notice says when, at this pace, it runs out before the reset', async () => {
    await startWith({ ...NOTIFY, runOutForecast: true }, true);
    await send(quotaMessage(cdm(50)));
    await send(quotaMessage(cdm(30), 'stream'));
    await send(quotaMessage(cdm(9), 'stream'));
    const options = fakeBrowser.notifications.getAllCreateOptions()[`low|default|image_gen|${WINDOW}`];
    expect(options?.message).toMatch(/^At this pace you will run out around .+, before the reset \(estimate\)\.\nResets /);
  });

  it('the same reading again, from another tab, and after a worker restart: none more', async () => {
    await startWith(NOTIFY, true);
    await send(quotaMessage(cdm(50)));
    await send(quotaMessage(cdm(9)));
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await send(quotaMessage(cdm(9)));
    await send(quotaMessage(cdm(8)), { ...validSender(), tab: { ...validSender().tab!, id: 8 } });
    await restartWorker({ notificationsGranted: true });
    created.mockClear();
    await settle();
    await send(quotaMessage(cdm(9)));
    await send(quotaMessage(cdm(7)));
    expect(created).not.toHaveBeenCalled();
    expect(await shown()).toEqual([`low|default|image_gen|${WINDOW}`]);
    expect(Object.keys((await stored('noticeLedger')) as NoticeLedger)).toEqual([`low|default|image_gen|${WINDOW}`]);
  });

  it('two readings fired at once (two tabs) give one notification', async () => {
    await startWith(NOTIFY, true);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await Promise.all([
      sendFromPage(quotaMessage(cdm(9))),
      sendFromPage(quotaMessage(cdm(9), 'stream'), { ...validSender(), tab: { ...validSender().tab!, id: 8 } }),
    ]);
    await settle(30);
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('used up after low: one more notification; used up directly: only that one', async () => {
    await startWith(NOTIFY, true);
    await send(quotaMessage(cdm(9)));
    await send(quotaMessage(cdm(0)));
    await send(quotaMessage(cdm(0)));
    expect(await shown()).toEqual([`exhausted|default|image_gen|${WINDOW}`, `low|default|image_gen|${WINDOW}`]);
    expect(fakeBrowser.notifications.getAllCreateOptions()[`exhausted|default|image_gen|${WINDOW}`]?.title).toBe(
      'Image generations used up',
    );
  });

  it('arms a refill alarm for the window; when it fires after the reset, one refill notification', async () => {
    await startWith(NOTIFY, true);
    await send(quotaMessage(cdm(9)));
    const [alarm, ...others] = await refillAlarms();
    expect(others).toEqual([]);
    expect(alarm?.name).toBe(`refill|low|default|image_gen|${WINDOW}`);
    expect(alarm!.scheduledTime).toBeGreaterThanOrEqual(RESET);

    await fire({ ...alarm!, scheduledTime: NOW });
    expect(await shown()).toEqual([`low|default|image_gen|${WINDOW}`]);

    vi.setSystemTime(alarm!.scheduledTime);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await fire(alarm!);
    await fire(alarm!);
    expect(created).toHaveBeenCalledTimes(1);
    expect(await shown()).toContain(`refill|default|image_gen|${WINDOW}`);
    expect(fakeBrowser.notifications.getAllCreateOptions()[`refill|default|image_gen|${WINDOW}`]).toMatchObject({
      title: 'Image generations should have reset',
    });
  });

  it('the refill alarm is armed again after a browser restart, and still fires once', async () => {
    await startWith(NOTIFY, true);
    await send(quotaMessage(cdm(9)));
    const kept = await fakeBrowser.storage.local.get(null);
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(kept);
    await startWorker({ notificationsGranted: true });
    await settle();
    const [alarm] = await refillAlarms();
    expect(alarm?.name).toBe(`refill|low|default|image_gen|${WINDOW}`);
    vi.setSystemTime(alarm!.scheduledTime);
    await fire(alarm!);
    expect(await shown()).toEqual([`refill|default|image_gen|${WINDOW}`]);
  });

  it('no refill notification when a reading after the reset already showed the new count', async () => {
    await startWith(NOTIFY, true);
    await send(quotaMessage(cdm(9)));
    const [alarm] = await refillAlarms();
    vi.setSystemTime(RESET + HOUR);
    await send(quotaMessage(cdm(120, RESET + 25 * HOUR)));
    vi.setSystemTime(Math.max(alarm!.scheduledTime, Date.now()));
    await fire(alarm!);
    expect(await shown()).toEqual([`low|default|image_gen|${WINDOW}`]);
  });

  it('refills can be turned off on their own', async () => {
    await startWith({ ...NOTIFY, refillNotifications: false }, true);
    await send(quotaMessage(cdm(9)));
    const [alarm] = await refillAlarms();
    vi.setSystemTime(alarm!.scheduledTime);
    await fire(alarm!);
    expect(await shown()).toEqual([`low|default|image_gen|${WINDOW}`]);
  });
});

describe('without notifications', () => {
  it.each([
    ['the permission not granted', NOTIFY, false],
    ['the setting off (the default), though granted', null, true],
  ])('%s: none shown and nothing recorded', async (_name, settings, granted) => {
    await startWith(settings, granted);
    await send(quotaMessage(cdm(50)));
    await send(quotaMessage(cdm(9)));
    await send(quotaMessage(cdm(0)));
    expect(await shown()).toEqual([]);
    expect(await stored('noticeLedger')).toBeUndefined();
    expect(await refillAlarms()).toEqual([]);
    expect(await badge()).toMatchObject({ text: '0' });
  });

  it('a settings value with notifications only (no version) is not a valid setting: none', async () => {
    await startWith({ notifications: true } as unknown as Settings, true);
    await send(quotaMessage(cdm(9)));
    expect(await shown()).toEqual([]);
  });
});

describe('the badge setting', () => {
  it('badgeFeature null: an empty badge with the "off" tooltip, whatever the readings', async () => {
    await startWith({ ...defaultSettings(), badgeFeature: null }, false);
    await send(quotaMessage(cdm(9)));
    const view = await badge();
    expect(view.text).toBe('');
    expect(view.title).toContain(englishMessage('tooltip_off'));
    expect(await fakeBrowser.alarms.get('badge-stale')).toBeUndefined();
  });

  it('changing the setting repaints at once', async () => {
    await startWith(null, false);
    await send(quotaMessage(cdm(9)));
    expect((await badge()).text).toBe('9');
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), badgeFeature: null } });
    await settle();
    expect((await badge()).text).toBe('');
  });
});

describe('a click on a notification', () => {
  async function notified(sender: Browser.runtime.MessageSender): Promise<string> {
    await startWith(NOTIFY, true);
    await send(quotaMessage(cdm(9)), sender);
    const [id] = await shown();
    return id!;
  }

  it('focuses the chatgpt.com tab that reported last, and clears the notification', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/c/69eb5a4b' });
    const id = await notified({ ...validSender(), tab });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const before = (await fakeBrowser.tabs.query({})).length;
    await fakeBrowser.notifications.onClicked.trigger(id);
    await settle();
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
    expect((await fakeBrowser.tabs.query({ active: true }))[0]?.id).toBe(tab.id);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
    expect(await shown()).toEqual([]);
  });

  it('opens https://chatgpt.com/ when no tab is remembered', async () => {
    await startWith(NOTIFY, true);
    await fakeBrowser.notifications.onClicked.trigger('any-id');
    await settle();
    expect(await fakeBrowser.tabs.query({ url: 'https://chatgpt.com/' })).toHaveLength(1);
  });

  it('opens https://chatgpt.com/ when the remembered tab was closed', async () => {
    const id = await notified(validSender());
    await fakeBrowser.notifications.onClicked.trigger(id);
    await settle();
    expect(await fakeBrowser.tabs.query({ url: 'https://chatgpt.com/' })).toHaveLength(1);
  });
});
