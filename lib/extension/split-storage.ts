import { isRecord } from '../page/json-record';
import { SPLIT_VALUES } from './storage-keys';

/**
 * Values kept as one small head plus one storage key per entry (issue 23, finding 7): the quota
 * state, the usage history and the model counts per account, the last findings per carrier. A
 * reading of one account then rewrites that account's entry (and the head when it changed), not
 * every account's state: a page that floods made-up accounts cannot make each later reading
 * rewrite all of them.
 *
 * Layout: `key` holds the value without its split record, plus `entryIds` (the record's keys, in
 * order); `key/<id>` holds each entry. A head without `entryIds` is the value whole, as versions
 * before the split stored it: it is read as it is, and the next write splits it. These functions are
 * pure and carry no zod, so the page chip and the popup's first frame join values the same way the
 * stores do (lib/extension/stored-value.ts); the stores validate what the join gives. A write sets
 * the new head and entries, then removes the entries it dropped: an entry left by a write that
 * stopped between the two is listed by no head, and the background sweeps it at each start
 * (`orphanKeys`, entrypoints/background/orphan-sweep.ts).
 */

const ENTRY_IDS = 'entryIds';
/** More ids than any split value keeps (10 accounts, a dozen carriers): a head listing more is not read. */
const MAX_ENTRY_IDS = 64;

type Items = Record<string, unknown>;
type GetItems = (keys: string[]) => Promise<Items>;

/** The record field split into entries, or null when the value itself is the record; undefined: not split. */
export function splitFieldOf(key: string): string | null | undefined {
  return Object.hasOwn(SPLIT_VALUES, key) ? SPLIT_VALUES[key] : undefined;
}

const entryKey = (key: string, id: string): string => `${key}/${id}`;
/** Whether the storage key `name` is one of `key`'s entries (not its head). */
export const isEntryOf = (name: string, key: string): boolean => name.startsWith(entryKey(key, ''));

/** The entry ids a split head lists; null for a value stored whole (or not a head). */
function entryIdsOf(head: unknown): string[] | null {
  const ids = isRecord(head) ? head[ENTRY_IDS] : null;
  return Array.isArray(ids) && ids.length <= MAX_ENTRY_IDS && ids.every((id) => typeof id === 'string') ? ids : null;
}

/** The storage keys of the entries a head lists. */
const entryKeysOf = (key: string, head: unknown): string[] => (entryIdsOf(head) ?? []).map((id) => entryKey(key, id));

/**
 * The whole value that `items` (the head at `key` and its entries) stand for. An entry the head
 * lists but storage lacks is left out (a write that stopped half-way). A head stored whole is
 * returned as it is; a head with a malformed id list is returned too, and fails validation.
 */
export function joinValue(key: string, field: string | null, items: Items): unknown {
  const head = items[key];
  const ids = entryIdsOf(head);
  if (ids === null) return head;
  // fromEntries defines own properties: an id such as "__proto__" stays a key, which validation rejects.
  const record = Object.fromEntries(ids.map((id) => [id, items[entryKey(key, id)]]).filter(([, entry]) => entry !== undefined));
  if (field === null) return record;
  const { [ENTRY_IDS]: _ids, ...rest } = head as Items;
  return { ...rest, [field]: record };
}

/** The value `items` hold for `key`: joined when storage-keys.ts lists it as split, else as stored. */
export function joinedOf(key: string, items: Items): unknown {
  const field = splitFieldOf(key);
  return field === undefined ? items[key] : joinValue(key, field, items);
}

/** The storage items that hold `value` split: the head and one item per entry. */
export function splitValue(key: string, field: string | null, value: unknown): Items {
  if (!isRecord(value)) return { [key]: value };
  const record = field === null ? value : value[field];
  if (!isRecord(record)) return { [key]: value };
  // The head: the value without its record (nothing, when the value is the record), and the ids.
  const head = field === null ? {} : Object.fromEntries(Object.entries(value).filter(([name]) => name !== field));
  const items: Items = { [key]: { ...head, [ENTRY_IDS]: Object.keys(record) } };
  for (const [id, entry] of Object.entries(record)) items[entryKey(key, id)] = entry;
  return items;
}

/**
 * The keys in `items` (a whole dump of storage) shaped as an entry of a split value in `keys` (all of
 * them unless said) that its head does not list: what a write left when it stopped before removing
 * the entries it dropped. A head stored whole, or absent, lists nothing. A head whose id list is
 * malformed is left alone: it fails validation, and the next write replaces it.
 */
export function orphanKeys(items: Items, keys: readonly string[] = Object.keys(SPLIT_VALUES)): string[] {
  return keys.flatMap((key) => {
    const head = items[key];
    if (splitFieldOf(key) === undefined || (isRecord(head) && Object.hasOwn(head, ENTRY_IDS) && entryIdsOf(head) === null)) return [];
    const listed = new Set(entryKeysOf(key, head));
    return Object.keys(items).filter((name) => isEntryOf(name, key) && !listed.has(name));
  });
}

/** Reads the heads at `keys` (or takes them from `first`) and the entries they list: the items `joinValue` takes. */
export async function readSplitItems(get: GetItems, keys: string[], first?: Items): Promise<Items> {
  const heads = first ?? (await get(keys));
  const entries = keys.flatMap((key) => entryKeysOf(key, heads[key]));
  return entries.length === 0 ? heads : { ...heads, ...(await get(entries)) };
}

/** A whole dump of storage with every split value joined back under its key: the tests' view of storage. */
export function joinStorage(items: Items): Items {
  const joined: Items = {};
  const entries = new Set<string>();
  for (const [key, field] of Object.entries(SPLIT_VALUES)) {
    if (items[key] === undefined) continue;
    joined[key] = joinValue(key, field, items);
    for (const entry of entryKeysOf(key, items[key])) entries.add(entry);
  }
  for (const [key, value] of Object.entries(items)) if (!(key in joined) && !entries.has(key)) joined[key] = value;
  return joined;
}
