import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { diagnosticsStore } from '../../../lib/extension/diagnostics-log';
import { badge, quotaMessage, sendFromPage, settle, startWorker, stored } from './worker';

/**
 * Chrome refuses alarms past 500 per extension (the promise rejects). The badge's stale alarm
 * used to be created without waiting: the failure vanished. Now it is awaited and logged.
 */

const NOW = Date.UTC(2026, 8, 15, 12);
const RESET = NOW + 5 * 3_600_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('an alarm the browser refuses', () => {
  it('is logged with a fixed reason, and the badge is painted all the same', async () => {
    await startWorker();
    await settle();
    const create = vi.spyOn(fakeBrowser.alarms, 'create').mockRejectedValue(new Error('Too many alarms'));
    await sendFromPage(
      quotaMessage({ limits_progress: [{ feature_name: 'image_gen', remaining: 7, reset_after: new Date(RESET).toISOString() }] }),
    );
    await settle(20);
    expect(create).toHaveBeenCalled();
    expect((await badge()).text).toBe('7');
    const log = diagnosticsStore.resolve(await stored('diagnostics')).value;
    expect(log.map(({ where, reason }) => `${where}: ${reason}`)).toContain('alarms: alarm refused');
  });
});
