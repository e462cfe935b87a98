import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, SETTINGS_VERSION } from '../../../lib/alerts/settings';
import { emptyQuotaState, STATE_VERSION } from '../../../lib/core/quota-state';
import { readFirstPaint, type EarlyScope } from '../../../lib/extension/first-paint-read';
import { startFirstRead } from '../../../lib/extension/first-read-start';

/**
 * The popup's first frame reads storage with a version check only (no zod): what the stores wrote
 * in this version is shown as it is, absent values are the defaults, and anything else waits for
 * the full read through the stores (null).
 */

const state = { version: STATE_VERSION, activeAccount: 'default', accounts: {} };

/** The popup as it opens: the early script's read, then the first frame's. */
function firstPaint() {
  const scope: EarlyScope = {};
  startFirstRead(scope);
  return readFirstPaint(scope);
}
const settings = { ...defaultSettings(), pageChip: true };

describe('readFirstPaint', () => {
  it('nothing stored: the empty state and the default settings', async () => {
    expect(await firstPaint()).toEqual({ quota: emptyQuotaState(), settings: defaultSettings() });
  });

  it('values of this version: as stored', async () => {
    await fakeBrowser.storage.local.set({ quotaState: state, settings });
    expect(await firstPaint()).toEqual({ quota: state, settings });
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
    expect(await firstPaint()).toBeNull();
  });
});

describe('the read started early (entrypoints/popup-early-read.ts)', () => {
  it('is the one the first frame uses, taken once', async () => {
    await fakeBrowser.storage.local.set({ quotaState: state, settings });
    const scope: EarlyScope = {};
    startFirstRead(scope);
    const early = scope.quotaMeterFirstRead;
    expect(early).toBeInstanceOf(Promise);
    // Written after the early read was asked for: the first frame shows what storage held then.
    await fakeBrowser.storage.local.set({ settings: { ...settings, pageChip: false } });
    expect(await readFirstPaint(scope)).toEqual({ quota: state, settings });
    expect(scope.quotaMeterFirstRead).toBeUndefined();
    // Taken once: a second first frame has no early read, and waits for the checked read.
    expect(await readFirstPaint(scope)).toBeNull();
  });

  it('without it, or when it failed, the first frame waits for the checked read', async () => {
    await fakeBrowser.storage.local.set({ quotaState: state });
    expect(await readFirstPaint({})).toBeNull();
    expect(await readFirstPaint({ quotaMeterFirstRead: Promise.reject(new Error('storage unavailable')) })).toBeNull();
  });
});
