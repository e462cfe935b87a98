import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { joinStorage } from '../../../lib/extension/split-storage';
import { SPLIT_VALUES } from '../../../lib/extension/storage-keys';
import { quotaMessage, restartBrowser, restartWorker, sendSettled, settle, startWorker, stored } from './worker';

/**
 * Entries no head lists (a write of a split value stopped between its set and its remove) are
 * swept by the background at each worker start, every split value's, and logged once by a fixed
 * code; a message does not sweep.
 */

const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);
const reading = (remaining: number) =>
  quotaMessage({
    type: 'conversation_detail_metadata',
    blocked_features: [],
    model_limits: [],
    limits_progress: [{ feature_name: 'image_gen', remaining, reset_after: new Date(NOW + 3_600_000).toISOString() }],
  });

const SWEPT = { where: 'storage', reason: 'orphaned entries removed' };
/** One orphan per split value (the model counts have no head yet: it lists nothing). */
const ORPHANS = Object.fromEntries(Object.keys(SPLIT_VALUES).map((key) => [`${key}/stray`, { left: true }]));
/** Keys of other values that look like entries: never swept. */
const LOOK_ALIKES = { 'quotaStateX/stray': 1, 'settings/stray': 1, 'xusageHistory/stray': 1 };

const local = () => fakeBrowser.storage.local.get(null);
const diagnostics = async () => ((await stored('diagnostics')) ?? []) as { where: string; reason: string }[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('orphaned entries swept at the start', () => {
  it("a worker start removes every split value's orphans, keeps every value as it was, and logs once", async () => {
    await startWorker();
    await sendSettled(reading(42));
    await sendSettled(reading(41));
    const before = await local();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['quotaState/default', 'usageHistory/default', 'lastFindings/init']));
    expect(await diagnostics()).toEqual([]);
    await fakeBrowser.storage.local.set({ ...ORPHANS, ...LOOK_ALIKES });
    await restartWorker();
    await settle();
    const after = await local();
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), ...Object.keys(LOOK_ALIKES), 'diagnostics'].sort());
    const { diagnostics: _log, ...values } = joinStorage(after);
    expect(values).toEqual({ ...joinStorage(before), ...LOOK_ALIKES });
    expect(await diagnostics()).toEqual([expect.objectContaining(SWEPT)]);
  });

  it('a start with nothing orphaned removes nothing and logs nothing', async () => {
    await startWorker();
    await sendSettled(reading(42));
    await fakeBrowser.storage.local.set(LOOK_ALIKES);
    const before = await local();
    await restartWorker();
    await settle();
    expect(await local()).toEqual(before);
  });

  it('a message does not sweep: an orphan left after the start stays until the next start', async () => {
    await startWorker();
    await settle();
    await fakeBrowser.storage.local.set({ 'quotaState/stray': { left: true } });
    await sendSettled(reading(42));
    await sendSettled(reading(41));
    expect(Object.keys(await local())).toContain('quotaState/stray');
    expect(await diagnostics()).toEqual([]);
    await restartWorker();
    await settle();
    expect(Object.keys(await local())).not.toContain('quotaState/stray');
    expect(await diagnostics()).toEqual([expect.objectContaining(SWEPT)]);
  });

  it('a browser restart (the worker starts, then hears onStartup) sweeps and logs once', async () => {
    await startWorker();
    await sendSettled(reading(42));
    await fakeBrowser.storage.local.set(ORPHANS);
    await restartBrowser();
    await settle();
    expect(Object.keys(await local()).filter((name) => name in ORPHANS)).toEqual([]);
    expect(await diagnostics()).toEqual([expect.objectContaining(SWEPT)]);
  });

  it('the entries of a malformed head are swept once the start has replaced it', async () => {
    await startWorker();
    await sendSettled(reading(42));
    expect(Object.keys(await local())).toContain('quotaState/default');
    await fakeBrowser.storage.local.set({ quotaState: { version: 2, activeAccount: 'default', entryIds: 'default' } });
    await restartWorker();
    await settle();
    expect(Object.keys(await local()).filter((name) => name.startsWith('quotaState/'))).toEqual([]);
    expect(await diagnostics()).toEqual([
      expect.objectContaining(SWEPT),
      expect.objectContaining({ where: 'storage', reason: 'stored state rejected' }),
    ]);
  });
});
