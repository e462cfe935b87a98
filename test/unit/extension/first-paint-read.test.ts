import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, SETTINGS_VERSION } from '../../../lib/alerts/settings';
import { emptyQuotaState, STATE_VERSION } from '../../../lib/core/quota-state';
import { readFirstPaint } from '../../../lib/extension/first-paint-read';

/**
 * The popup's first frame reads storage with a version check only (no zod): what the stores wrote
 * in this version is shown as it is, absent values are the defaults, and anything else waits for
 * the full read through the stores (null).
 */

const state = { version: STATE_VERSION, activeAccount: 'default', accounts: {} };

const settings = { ...defaultSettings(), pageChip: true };

describe('readFirstPaint', () => {
  it('nothing stored: the empty state and the default settings', async () => {
    expect(await readFirstPaint()).toEqual({ quota: emptyQuotaState(), settings: defaultSettings() });
  });

  it('values of this version: as stored', async () => {
    await fakeBrowser.storage.local.set({ quotaState: state, settings });
    expect(await readFirstPaint()).toEqual({ quota: state, settings });
  });

  it.each([
    ['an older quota state', { quotaState: { ...state, version: STATE_VERSION - 1 } }],
    ['a newer quota state', { quotaState: { ...state, version: STATE_VERSION + 1 } }],
    ['a quota state without a version', { quotaState: { accounts: {} } }],
    ['a quota state that is a list', { quotaState: [state] }],
    ['a quota state that is text', { quotaState: 'state' }],
    ['older settings', { settings: { ...settings, version: SETTINGS_VERSION - 1 } }],
    ['settings that are a number', { settings: 1 }],
  ] as [string, Record<string, unknown>][])('%s: waits for the full read', async (_, stored) => {
    await fakeBrowser.storage.local.set(stored);
    expect(await readFirstPaint()).toBeNull();
  });
});

describe('the read asked for as the popup starts (entrypoints/popup/first-read.ts)', () => {
  it('shows what storage held when it was asked for', async () => {
    await fakeBrowser.storage.local.set({ quotaState: state, settings });
    const asked = readFirstPaint();
    await fakeBrowser.storage.local.set({ settings: { ...settings, pageChip: false } });
    expect(await asked).toEqual({ quota: state, settings });
  });

  it('when it failed, the first frame waits for the checked read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage unavailable'));
    expect(await readFirstPaint()).toBeNull();
  });

  it('is asked for when the module is evaluated, before the popup renders anything', async () => {
    await fakeBrowser.storage.local.set({ quotaState: state, settings });
    vi.resetModules();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { firstPaint: started } = await import('../../../entrypoints/popup/first-read');
    expect(get).toHaveBeenCalledWith(['quotaState', 'settings']);
    expect(await started).toEqual({ quota: state, settings });
  });
});
