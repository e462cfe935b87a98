/**
 * vitest 5 expects Node 22 (docs/testing.md: it runs on Node 20.20 with an engine warning), and
 * its reporter calls Map.groupBy (Node 21+) when it prints failures. Without this, a failing test
 * crashes the reporter instead of being reported.
 */
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}
