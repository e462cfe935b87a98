import { browser, type Browser } from 'wxt/browser';
import { createSerialQueue } from '../core/serial-queue';
import { isEntryOf, joinedOf, orphanKeys, readSplitItems, splitFieldOf, splitValue } from './split-storage';

/**
 * The one way into extension storage. Each stored value is read through its validator (an older
 * version, another build or a corrupted profile may have written it), migrated first when it carries
 * an older version, changed only through a serialised read-modify-write, and watched through one
 * listener shape. A value storage holds but cannot use comes back as the fallback with the reason,
 * so the caller can log it; it is never thrown. The values storage-keys.ts lists as split are kept
 * as a head plus one key per entry (split-storage.ts): read joined, written by the entries that
 * changed, watched through any of their keys, and swept of entries no head lists.
 */

/** What a validator makes of a raw value: the value, or why it was rejected. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Turns a value of version n into one of version n + 1 (keyed by n). */
type Migrations = Readonly<Record<number, (older: Record<string, unknown>) => Record<string, unknown>>>;

export interface StoredValueSpec<T> {
  key: string;
  /** storage.local unless said; storage.session for what means nothing after a restart. */
  area?: 'local' | 'session';
  check(raw: unknown): Checked<T>;
  fallback(): T;
  /** For a value with a `version` field: the current one and the steps from each older one. */
  versions?: { current: number; migrations: Migrations };
}

export interface StoredValue<T> {
  key: string;
  /** What a raw stored value stands for (migrated, validated), without touching storage. */
  resolve(raw: unknown): { value: T; rejected: string | null };
  get(): Promise<T>;
  /** The value and, when storage held one it could not use (then the value is the fallback), why. */
  read(): Promise<{ value: T; rejected: string | null }>;
  /** Runs `change` on the latest value and stores the result when it differs; returns it. */
  update(change: (value: T) => T): Promise<T>;
  /** Calls `onChange` with the validated value each time storage changes it; returns the unsubscribe. */
  watch(onChange: (value: T) => void): () => void;
  /**
   * For a split value: removes the entries its head does not list (split-storage.ts `orphanKeys`),
   * on the queue its updates use, so that it never runs between an update's read and its writes;
   * returns how many. A value not split has none. Never throws: a failure removes nothing, returns 0.
   */
  sweep(): Promise<number>;
}

/** Brings a versioned value up to `current` step by step; a version with no step is rejected. */
export function migrate(raw: unknown, versions: StoredValueSpec<unknown>['versions']): Checked<unknown> {
  if (versions === undefined || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: true, value: raw };
  let value = raw as Record<string, unknown>;
  while (typeof value.version === 'number' && value.version < versions.current) {
    const step = versions.migrations[value.version];
    if (step === undefined) return { ok: false, reason: `no migration from version ${String(value.version)}` };
    value = step(value);
  }
  return { ok: true, value };
}

/**
 * JSON with every object's keys in one order: a value read back through its schema (which orders
 * keys its own way) and the same value as stored compare equal, so an entry is rewritten only when
 * it changed.
 */
function canonicalJson(value: unknown): string {
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  return JSON.stringify(value, (_name, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(byKey)) : inner,
  );
}

/** The value a stored raw value stands for: absent is the fallback without complaint. */
function resolveStored<T>(spec: StoredValueSpec<T>, raw: unknown): { value: T; rejected: string | null } {
  if (raw === undefined || raw === null) return { value: spec.fallback(), rejected: null };
  const migrated = migrate(raw, spec.versions);
  const checked = migrated.ok ? spec.check(migrated.value) : migrated;
  return checked.ok ? { value: checked.value, rejected: null } : { value: spec.fallback(), rejected: checked.reason };
}

export function defineStoredValue<T>(spec: StoredValueSpec<T>): StoredValue<T> {
  const { key } = spec;
  const areaName = spec.area ?? 'local';
  const field = splitFieldOf(key);
  // storage.session is missing on some older browsers: then the value simply is not kept.
  const area = (): Browser.storage.StorageArea | undefined => browser.storage[areaName];
  const getItems = async (keys: string[]): Promise<Record<string, unknown>> => (await area()?.get(keys)) ?? {};
  /** What storage holds for this value: its key, and for a split value the entries its head lists. */
  const storedItems = () => (field === undefined ? getItems([key]) : readSplitItems(getItems, [key]));
  const itemsOf = (value: T): Record<string, unknown> => (field === undefined ? { [key]: value } : splitValue(key, field, value));
  const serially = createSerialQueue();
  const read = async () => resolveStored(spec, joinedOf(key, await storedItems()));
  const get = async () => (await read()).value;
  return {
    key,
    resolve: (raw) => resolveStored(spec, raw),
    get,
    read,
    update: (change) =>
      serially(async () => {
        const stored = await storedItems();
        const current = resolveStored(spec, joinedOf(key, stored)).value;
        const next = change(current);
        if (next === current) return next;
        // Compared with what is stored, not with what it reads as: an unreadable value is replaced,
        // and only the items that differ are written (a reading of one account rewrites that one).
        const items = itemsOf(next);
        const changed = Object.entries(items).filter(([name, item]) => canonicalJson(item) !== canonicalJson(stored[name]));
        if (changed.length > 0) await area()?.set(Object.fromEntries(changed));
        // Entries the value no longer has, removed once the head that listed them is replaced (left
        // there when the browser stops in between: sweep removes them).
        const gone = Object.keys(stored).filter((name) => !Object.hasOwn(items, name));
        if (gone.length > 0) await area()?.remove(gone);
        return next;
      }),
    watch(onChange) {
      let latest = 0;
      const listener = (changes: Record<string, Browser.storage.StorageChange>, changedArea: string) => {
        if (changedArea !== areaName) return;
        if (field === undefined) {
          if (key in changes) onChange(resolveStored(spec, changes[key]?.newValue).value);
          return;
        }
        // A split value changes through its head or an entry written; removals (no new value) follow a new head.
        const written = Object.entries(changes).some(([name, change]) => isEntryOf(name, key) && change.newValue != null);
        if (!(key in changes) && !written) return;
        const asked = ++latest;
        void read().then(
          ({ value }) => asked === latest && onChange(value),
          () => undefined,
        );
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    sweep: async () => {
      if (field === undefined) return 0;
      try {
        return await serially(async () => {
          const orphans = orphanKeys((await area()?.get(null)) ?? {}, [key]);
          if (orphans.length > 0) await area()?.remove(orphans);
          return orphans.length;
        });
      } catch {
        return 0;
      }
    },
  };
}
