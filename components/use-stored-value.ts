import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { StoredValue } from '../lib/extension/stored-value';

/** A stored value, read through its validator and read again whenever the background changes it; null until read. */
export function useStoredValue<T>(store: Pick<StoredValue<T>, 'key' | 'get'>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const read = () => void store.get().then(setValue);
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      if (area === 'local' && store.key in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    read();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [store]);
  return value;
}
