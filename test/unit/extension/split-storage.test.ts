import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyAccountState, STATE_VERSION, type QuotaState } from '../../../lib/core/quota-state';
import { readFirstPaint } from '../../../lib/extension/first-paint-read';
import { lastFindingsStore } from '../../../lib/extension/last-findings-store';
import { quotaStore } from '../../../lib/extension/quota-store';
import { settingsStore } from '../../../lib/extension/settings-store';
import { joinStorage, joinValue, orphanKeys, splitValue } from '../../../lib/extension/split-storage';
import { SPLIT_VALUES } from '../../../lib/extension/storage-keys';

/**
 * Issue 23, finding 7: values that hold one entry per account (or per carrier) are stored as a head
 * plus one key per entry, so that a reading rewrites what it changed and nothing else.
 */

const account = (remaining: number) => ({
  ...emptyAccountState(),
  features: {
    image_gen: {
      name: 'image_gen',
      remaining,
      resetsAt: null,
      seenAt: 1,
      source: 'init' as const,
      maxSeen: remaining,
      windowNotStarted: false,
      resetEstimated: false,
    },
  },
});

function stateOf(count: number, active = 'acct-0'): QuotaState {
  const accounts = Object.fromEntries(Array.from({ length: count }, (_, index) => [`acct-${index}`, account(index + 1)]));
  return { version: STATE_VERSION, activeAccount: active, accounts };
}

const local = () => fakeBrowser.storage.local.get(null);

describe('splitValue and joinValue', () => {
  it('a value split and joined is the value, with its entries in order', () => {
    const idsArbitrary = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 12 });
    fc.assert(
      fc.property(idsArbitrary, fc.integer(), fc.boolean(), (ids, extra, nested) => {
        const record = Object.fromEntries(ids.map((id, index) => [id, { n: index }]));
        const value = nested ? { version: 1, extra, accounts: record } : record;
        const field = nested ? 'accounts' : null;
        const joined = joinValue('v', field, splitValue('v', field, value)) as Record<string, unknown>;
        expect(joined).toEqual(value);
        expect(Object.keys(nested ? (joined.accounts as object) : joined)).toEqual(Object.keys(record));
      }),
    );
  });

  it('the head holds the rest of the value and the ids; each entry its own key', () => {
    expect(splitValue('quotaState', 'accounts', stateOf(2))).toEqual({
      quotaState: { version: STATE_VERSION, activeAccount: 'acct-0', entryIds: ['acct-0', 'acct-1'] },
      'quotaState/acct-0': account(1),
      'quotaState/acct-1': account(2),
    });
  });

  it.each<[string, unknown]>([
    ['a value stored whole (before the split)', stateOf(1)],
    ['ids that are not a list', { version: 2, entryIds: 'acct-0' }],
    ['ids that are not text', { version: 2, entryIds: [1, 2] }],
    ['more ids than any value keeps', { version: 2, entryIds: Array.from({ length: 65 }, (_, index) => `a${index}`) }],
  ])('%s is returned as it is (and the store validates it)', (_name, head) => {
    expect(joinValue('quotaState', 'accounts', { quotaState: head, 'quotaState/acct-0': account(5) })).toBe(head);
  });

  it('an entry the head lists but storage lacks is left out; an id "__proto__" stays a key, never a prototype', () => {
    const joined = joinValue('quotaState', 'accounts', {
      quotaState: { version: 2, activeAccount: 'a', entryIds: ['a', 'missing', '__proto__'] },
      'quotaState/a': { n: 1 },
      'quotaState/__proto__': { polluted: true },
    }) as { accounts: Record<string, unknown> };
    expect(Object.keys(joined.accounts)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(joined.accounts)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('joinStorage joins every split value and hides their entries; other keys are as stored', () => {
    const items = { ...splitValue('quotaState', 'accounts', stateOf(2)), settings: { on: true }, 'quotaState/orphan': 1 };
    expect(joinStorage(items)).toEqual({ quotaState: stateOf(2), settings: { on: true }, 'quotaState/orphan': 1 });
  });
});

describe('a split store', () => {
  it('reads a value stored whole (an older profile), and its next write splits it', async () => {
    await fakeBrowser.storage.local.set({ quotaState: stateOf(3) });
    expect(await quotaStore.get()).toEqual(stateOf(3));
    await quotaStore.update((state) => ({ ...state, activeAccount: 'acct-1' }));
    expect(await local()).toEqual(splitValue('quotaState', 'accounts', stateOf(3, 'acct-1')));
    expect(await quotaStore.get()).toEqual(stateOf(3, 'acct-1'));
  });

  it('a change to one account writes that account only; the head only when it changed', async () => {
    await quotaStore.update(() => stateOf(10));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await quotaStore.update((state) => ({ ...state, accounts: { ...state.accounts, 'acct-4': account(99) } }));
    expect(set.mock.calls).toEqual([[{ 'quotaState/acct-4': account(99) }]]);
    set.mockClear();
    await quotaStore.update((state) => ({ ...state, activeAccount: 'acct-4' }));
    expect(set.mock.calls.map(([items]) => Object.keys(items))).toEqual([['quotaState']]);
    set.mockClear();
    await quotaStore.update((state) => ({ ...state }));
    expect(set).not.toHaveBeenCalled();
  });

  it('an account dropped from the value has its key removed', async () => {
    await quotaStore.update(() => stateOf(3));
    await quotaStore.update((state) => {
      const { 'acct-2': _dropped, ...accounts } = state.accounts;
      return { ...state, accounts };
    });
    expect(Object.keys(await local()).sort()).toEqual(['quotaState', 'quotaState/acct-0', 'quotaState/acct-1']);
  });

  it('an entry that fails validation makes the value unreadable, with the reason (as a whole value did)', async () => {
    await quotaStore.update(() => stateOf(2));
    await fakeBrowser.storage.local.set({ 'quotaState/acct-1': { features: 'none' } });
    const { value, rejected } = await quotaStore.read();
    expect(value.accounts).toEqual({});
    expect(rejected).toMatch(/accounts\.acct-1/);
  });

  it('two updates at once fold into each other', async () => {
    await quotaStore.update(() => stateOf(2));
    await Promise.all([
      quotaStore.update((state) => ({ ...state, accounts: { ...state.accounts, 'acct-0': account(40) } })),
      quotaStore.update((state) => ({ ...state, accounts: { ...state.accounts, 'acct-1': account(41) } })),
    ]);
    expect((await quotaStore.get()).accounts).toEqual({ 'acct-0': account(40), 'acct-1': account(41) });
  });

  it('watch hears a write to one entry with the whole value, and not the removals that follow a new head', async () => {
    await quotaStore.update(() => stateOf(3));
    const heard = vi.fn();
    const stop = quotaStore.watch(heard);
    await quotaStore.update((state) => ({ ...state, accounts: { ...state.accounts, 'acct-1': account(50) } }));
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    expect(heard.mock.lastCall?.[0]).toEqual({ ...stateOf(3), accounts: { ...stateOf(3).accounts, 'acct-1': account(50) } });
    await quotaStore.update((state) => ({ ...state, accounts: { 'acct-0': state.accounts['acct-0']! } }));
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
    await fakeBrowser.storage.local.set({ settings: {} });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).toHaveBeenCalledTimes(2);
    expect(Object.keys(heard.mock.lastCall?.[0].accounts)).toEqual(['acct-0']);
    stop();
  });

  it('the last findings: one key per carrier', async () => {
    const finding = (carrier: string) => ({ at: 1, finding: { kind: 'quota', carrier } });
    await lastFindingsStore.update(() => ({ 'quota/init': finding('init'), 'quota/stream': finding('stream') }));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await lastFindingsStore.update((findings) => ({ ...findings, 'quota/init': { ...finding('init'), at: 2 } }));
    expect(set.mock.calls).toEqual([[{ 'lastFindings/quota/init': { ...finding('init'), at: 2 } }]]);
  });
});

describe('orphanKeys', () => {
  const head = (entryIds: unknown) => ({ version: 2, activeAccount: 'a', entryIds });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'an entry its head does not list, for each split value',
      {
        quotaState: head(['a']),
        'quotaState/a': 1,
        'quotaState/b': 2,
        modelCounts: head(['a']),
        'modelCounts/a': 1,
        'modelCounts/gone': 2,
        usageHistory: head([]),
        'usageHistory/a': 1,
        lastFindings: { entryIds: ['quota/init'] },
        'lastFindings/quota/init': 1,
        'lastFindings/quota/stream': 2,
      },
      ['quotaState/b', 'modelCounts/gone', 'usageHistory/a', 'lastFindings/quota/stream'],
    ],
    ['a head stored whole (before the split) lists nothing', { quotaState: stateOf(2), 'quotaState/acct-0': 1 }, ['quotaState/acct-0']],
    ['a head that is not a record lists nothing', { quotaState: 'garbage', 'quotaState/a': 1 }, ['quotaState/a']],
    ['an absent head lists nothing', { 'usageHistory/a': 1, 'usageHistory/b': 2 }, ['usageHistory/a', 'usageHistory/b']],
    ['ids that are not a list: nothing swept', { quotaState: head('a'), 'quotaState/a': 1, 'quotaState/b': 2 }, []],
    ['ids that are not text: nothing swept', { quotaState: head([1]), 'quotaState/1': 1 }, []],
    [
      'more ids than any value keeps: nothing swept',
      { quotaState: head(Array.from({ length: 65 }, (_, index) => `a${index}`)), 'quotaState/zz': 1 },
      [],
    ],
    [
      'keys of other values, however alike',
      {
        quotaState: head([]),
        quotaStateX: 1,
        'quotaStateX/1': 1,
        'xquotaState/1': 1,
        'QuotaState/1': 1,
        'quotaState\\1': 1,
        settings: {},
        'settings/1': 1,
        diagnostics: [],
      },
      [],
    ],
    ['an id "__proto__" its head lists is kept', { quotaState: head(['__proto__']), 'quotaState/__proto__': { n: 1 } }, []],
    [
      'an id "__proto__" its head does not list is swept',
      { quotaState: head(['a']), 'quotaState/__proto__': { n: 1 } },
      ['quotaState/__proto__'],
    ],
    ['nothing stored', {}, []],
  ])('%s', (_name, items, orphans) => {
    expect(orphanKeys(items)).toEqual(orphans);
  });

  it('asked for some values, gives their orphans only; a value not split has none', () => {
    const items = { quotaState: head([]), 'quotaState/a': 1, 'modelCounts/a': 1, 'settings/a': 1 };
    expect(orphanKeys(items, ['modelCounts'])).toEqual(['modelCounts/a']);
    expect(orphanKeys(items, ['settings'])).toEqual([]);
  });

  it('a split value plus any orphan keys: exactly the orphans', () => {
    const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SPLIT_VALUES)), ids, ids, (key, kept, dropped) => {
        const field = SPLIT_VALUES[key] ?? null;
        const record = Object.fromEntries(kept.map((id, index) => [id, { n: index }]));
        const value = field === null ? record : { version: 1, [field]: record };
        const orphans = dropped.filter((id) => !kept.includes(id)).map((id) => `${key}/${id}`);
        const others = { settings: { on: true }, [`${key}X/${dropped[0] ?? 'a'}`]: 1, [`x${key}/a`]: 1 };
        const items = { ...others, ...splitValue(key, field, value), ...Object.fromEntries(orphans.map((name) => [name, { n: -1 }])) };
        expect(orphanKeys(items).sort()).toEqual(orphans.sort());
      }),
    );
  });
});

describe('a split store swept', () => {
  /** An update that drops acct-2, stopped after its set: its remove never happens. */
  async function interruptedDrop(): Promise<void> {
    await quotaStore.update(() => stateOf(3));
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('the browser stopped'));
    await expect(
      quotaStore.update((state) => {
        const { 'acct-2': _dropped, ...accounts } = state.accounts;
        return { ...state, accounts };
      }),
    ).rejects.toThrow('the browser stopped');
  }

  it('an update stopped between its set and its remove leaves an orphan; sweep removes exactly it, the value unchanged', async () => {
    await interruptedDrop();
    expect(Object.keys(await local()).sort()).toEqual(['quotaState', 'quotaState/acct-0', 'quotaState/acct-1', 'quotaState/acct-2']);
    const before = await quotaStore.get();
    expect(Object.keys(before.accounts)).toEqual(['acct-0', 'acct-1']);
    await fakeBrowser.storage.local.set({ settings: { on: true }, 'quotaStateX/acct-2': 1 });
    expect(await quotaStore.sweep()).toBe(1);
    expect(Object.keys(await local()).sort()).toEqual([
      'quotaState',
      'quotaState/acct-0',
      'quotaState/acct-1',
      'quotaStateX/acct-2',
      'settings',
    ]);
    expect(await quotaStore.get()).toEqual(before);
    expect(await quotaStore.sweep()).toBe(0);
  });

  it('runs on the write queue: an update that brings the orphan back, called just before, keeps its entry', async () => {
    await interruptedDrop();
    const back = quotaStore.update((state) => ({ ...state, accounts: { ...state.accounts, 'acct-2': account(9) } }));
    const swept = quotaStore.sweep();
    await back;
    expect(await swept).toBe(0);
    expect((await quotaStore.get()).accounts['acct-2']).toEqual(account(9));
  });

  it('a value not split has nothing to sweep', async () => {
    await fakeBrowser.storage.local.set({ settings: {}, 'settings/x': 1 });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await settingsStore.sweep()).toBe(0);
    expect(get).not.toHaveBeenCalled();
    expect(await local()).toEqual({ settings: {}, 'settings/x': 1 });
  });

  it('never throws: storage that fails to answer sweeps nothing', async () => {
    await interruptedDrop();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('no storage'));
    expect(await quotaStore.sweep()).toBe(0);
    expect(Object.keys(await local())).toContain('quotaState/acct-2');
  });
});

describe("the popup's first frame", () => {
  it('reads the head, then the accounts it lists, and joins them', async () => {
    await quotaStore.update(() => stateOf(2));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect((await readFirstPaint())?.quota).toEqual(stateOf(2));
    expect(get.mock.calls).toEqual([[['quotaState', 'settings']], [['quotaState/acct-0', 'quotaState/acct-1']]]);
  });
});

describe('what counts as changed', () => {
  it('an entry stored with its keys in another order than its schema reads them is not rewritten', async () => {
    const reordered = Object.fromEntries(Object.entries(account(3)).reverse());
    await fakeBrowser.storage.local.set({
      quotaState: { version: STATE_VERSION, activeAccount: 'acct-0', entryIds: ['acct-0', 'acct-1'] },
      'quotaState/acct-0': account(1),
      'quotaState/acct-1': reordered,
    });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await quotaStore.update((state) => ({ ...state, accounts: { ...state.accounts, 'acct-0': account(7) } }));
    expect(set.mock.calls).toEqual([[{ 'quotaState/acct-0': account(7) }]]);
  });
});
