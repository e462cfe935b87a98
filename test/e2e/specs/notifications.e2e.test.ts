import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../lib/alerts/settings';
import { startSession, type BrowserSession } from '../harness/browser-session';
import { notificationsBuildDir } from '../harness/extension-build';
import { expectBadge } from '../harness/expect-badge';
import type { ExtensionGlobal, ExtensionUnderTest } from '../harness/extension-under-test';
import { runStep } from '../harness/scenario-runner';
import { settledNotifications } from '../harness/shown-notifications';
import { raw, stream } from '../replica/answers';
import { ReplicaServer } from '../replica/replica-server';
import { HOUR, blockedFeature, quotaJson } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';
import { turnStream } from '../scenarios/turn-streams';

/**
 * Issue 4 in Chromium: with the permission granted (the test build makes `notifications` required)
 * and notifications switched on, crossing the low threshold notifies exactly once; a stopped and
 * restarted worker fed the same reading does not notify again, nor does a lower count of the same
 * window; the window's block notifies "used up" once.
 *
 * Notification ids are the policy's ledger ids (kind|account|feature|window), so a repeated notice
 * would replace the first and getAll() would still count one: every check clears what was shown
 * and then asks for what is new.
 */

const now = Date.now();
/** One reset window for every reading of the spec: the same window throughout. */
const RESET_IN = 5 * HOUR;
const images = (remaining: number) => quotaJson({ limits: { image_gen: { remaining, resetIn: RESET_IN } } }, now);

const openStep = (quota: string, badge: Step['badge'], rule: string): Step => ({
  do: 'open',
  answers: { init: [raw(200, 'application/json', quota)] },
  badge,
  rule,
});
const turnStep = (quota: string, badge: Step['badge'], rule: string): Step => ({
  do: 'send',
  answers: { conversation: [stream(turnStream(quota))] },
  badge,
  rule,
});

/** As installed, with notifications on. */
const SETTINGS: Settings = { ...defaultSettings(), notifications: true };

let replica: ReplicaServer;
let session: BrowserSession;
let extension: ExtensionUnderTest;

async function clearShown(): Promise<void> {
  const worker = await extension.worker();
  await worker.evaluate(async () => {
    const { notifications } = (globalThis as ExtensionGlobal).chrome;
    for (const id of Object.keys(await notifications.getAll())) await notifications.clear(id);
  });
}

/**
 * Plays a step (the badge settled), then gives the notifier, which runs after the state is stored,
 * a moment more: what it shows is read once nothing has changed for half a second.
 */
async function playAndReadNotifications(step: Step): Promise<string[][]> {
  const { badge } = await runStep(step, session.tab, replica, extension);
  expectBadge(badge, step.badge, step.rule);
  return settledNotifications(extension);
}

beforeAll(async () => {
  replica = await ReplicaServer.start();
  session = await startSession(replica, { extensionDir: notificationsBuildDir() });
  extension = session.extension;
  await extension.writeStorage({ settings: SETTINGS });
});
afterAll(async () => {
  await session?.browser.close();
  await replica?.close();
});

describe('notifications in Chromium (permission granted, switched on)', () => {
  it('the test build holds the permission', async () => {
    const worker = await extension.worker();
    expect(
      await worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.permissions.contains({ permissions: ['notifications'] })),
    ).toBe(true);
  });

  it('a count above the threshold notifies nothing', async () => {
    expect(await playAndReadNotifications(openStep(images(50), { text: '50', status: 'normal' }, 'open: 50 left'))).toEqual([]);
  });

  it('crossing the low threshold gives exactly one notification', async () => {
    expect(await playAndReadNotifications(turnStep(images(10), { text: '10', status: 'low' }, 'a turn: 10 left'))).toEqual([
      ['low', 'image_gen'],
    ]);
  });

  it('a stopped and restarted worker fed the same reading notifies nothing more', async () => {
    await clearShown();
    await extension.stopWorker();
    expect(await playAndReadNotifications(openStep(images(10), { text: '10', status: 'low' }, 'reload: the same 10'))).toEqual([]);
  });

  it('a lower count in the same window notifies nothing (already warned)', async () => {
    expect(await playAndReadNotifications(turnStep(images(4), { text: '4', status: 'low' }, 'a turn: 4 left'))).toEqual([]);
  });

  it('a blocked reading gives exactly one "used up", and its repeat none', async () => {
    const blocked = quotaJson(
      { limits: { image_gen: { remaining: 0, resetIn: RESET_IN } }, blocked: [blockedFeature('image_gen', now, RESET_IN, 120)] },
      now,
    );
    expect(await playAndReadNotifications(turnStep(blocked, { text: '0', status: 'blocked' }, 'the cap is reached'))).toEqual([
      ['exhausted', 'image_gen'],
    ]);
    await clearShown();
    await extension.stopWorker();
    expect(
      await playAndReadNotifications(turnStep(blocked, { text: '0', status: 'blocked' }, 'the same block again, after a restart')),
    ).toEqual([]);
  });

  it('logged no error', () => {
    expect(extension.errors.errors).toEqual([]);
  });
});
