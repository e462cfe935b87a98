import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyAccountState, STATE_VERSION, type QuotaState } from '../../../lib/core/quota-state';
import { readFirstPaint, type EarlyScope } from '../../../lib/extension/first-paint-read';
import { startFirstRead } from '../../../lib/extension/first-read-start';
import { lastFindingsStore } from '../../../lib/extension/last-findings-store';
import { quotaStore } from '../../../lib/extension/quota-store';
import { joinStorage, joinValue, splitValue } from '../../../lib/extension/split-storage';

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

describe("the popup's first frame", () => {
  it('reads the head, then the accounts it lists, and joins them', async () => {
    await quotaStore.update(() => stateOf(2));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const scope: EarlyScope = {};
    startFirstRead(scope);
    expect((await readFirstPaint(scope))?.quota).toEqual(stateOf(2));
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
