import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineStoredValue, migrate, type StoredValueSpec } from '../../../lib/extension/stored-value';
import { chatgptTabStore } from '../../../lib/extension/chatgpt-tab-store';
import { settingsStore } from '../../../lib/extension/settings-store';
import { defaultSettings } from '../../../lib/alerts/settings';

/** The one way into storage: migrated, validated, serialised, watched; what it cannot use is named, never thrown. */

interface Counter {
  version: 3;
  count: number;
  unit: string;
}

// A value at version 3 with two steps: version 1 kept `n`, version 2 renamed it and had no unit.
const COUNTER: StoredValueSpec<Counter> = {
  key: 'counter',
  check: (raw) => {
    const value = raw as Partial<Counter>;
    return value.version === 3 && typeof value.count === 'number' && typeof value.unit === 'string'
      ? { ok: true, value: value as Counter }
      : { ok: false, reason: 'counter rejected' };
  },
  fallback: () => ({ version: 3, count: 0, unit: 'uses' }),
  versions: {
    current: 3,
    migrations: {
      1: ({ n, ...rest }) => ({ ...rest, version: 2, count: n }),
      2: (older) => ({ ...older, version: 3, unit: 'uses' }),
    },
  },
};

describe('defineStoredValue', () => {
  it('an older stored value is migrated step by step, not reset', async () => {
    await fakeBrowser.storage.local.set({ counter: { version: 1, n: 7 } });
    expect(await defineStoredValue(COUNTER).read()).toEqual({ value: { version: 3, count: 7, unit: 'uses' }, rejected: null });
  });

  it.each<[string, unknown, string | null]>([
    ['nothing stored', undefined, null],
    ['an unknown older version', { version: 0, n: 1 }, 'no migration from version 0'],
    ['a value that fails its check', { version: 3, count: 'seven', unit: 'uses' }, 'counter rejected'],
    ['a newer version than this build knows', { version: 4, count: 1, unit: 'uses' }, 'counter rejected'],
  ])('%s reads as the fallback, with the reason', async (_name, stored, reason) => {
    await fakeBrowser.storage.local.set({ counter: stored });
    expect(await defineStoredValue(COUNTER).read()).toEqual({ value: COUNTER.fallback(), rejected: reason });
  });

  it('update writes the changed value once, through the same check', async () => {
    const store = defineStoredValue(COUNTER);
    await Promise.all([store.update((v) => ({ ...v, count: v.count + 1 })), store.update((v) => ({ ...v, count: v.count + 1 }))]);
    expect((await fakeBrowser.storage.local.get('counter')).counter).toEqual({ version: 3, count: 2, unit: 'uses' });
  });

  it('watch hears changes to its own key and area only, validated, until stopped', async () => {
    const store = defineStoredValue(COUNTER);
    const heard = vi.fn();
    const stop = store.watch(heard);
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.session.set({ counter: { version: 3, count: 9, unit: 'uses' } });
    await fakeBrowser.storage.local.set({ counter: { version: 1, n: 4 } });
    stop();
    await fakeBrowser.storage.local.set({ counter: { version: 3, count: 5, unit: 'uses' } });
    expect(heard.mock.calls).toEqual([[{ version: 3, count: 4, unit: 'uses' }]]);
  });
});

describe('migrate', () => {
  it.each<[string, unknown]>([
    ['a list', [1, 2]],
    ['text', 'x'],
    ['a record without a version', { count: 1 }],
  ])('%s is passed on to the check unchanged', (_name, raw) => {
    expect(migrate(raw, COUNTER.versions)).toEqual({ ok: true, value: raw });
  });
});

describe('the stores', () => {
  it('the last chatgpt.com tab lives in storage.session', async () => {
    await chatgptTabStore.update(() => ({ tabId: 4, windowId: null }));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ lastChatgptTab: { tabId: 4, windowId: null } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('settings that storage cannot use come back as the defaults, with why', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, badgeFeature: 5 } });
    const { value, rejected } = await settingsStore.read();
    expect(value).toEqual(defaultSettings());
    expect(rejected).toMatch(/^stored settings rejected at badgeFeature/);
  });
});
