import { useEffect, useState } from 'preact/hooks';
import type { StoredValue } from '../lib/extension/stored-value';

/** A stored value, read through its validator and again whenever the background changes it; null until read. */
export function useStoredValue<T>(store: Pick<StoredValue<T>, 'get' | 'watch'>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const stop = store.watch(setValue);
    void store.get().then(setValue);
    return stop;
  }, [store]);
  return value;
}
