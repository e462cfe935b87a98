import { browser } from 'wxt/browser';
import { createSerialQueue } from '../core/serial-queue';

/**
 * One value in storage.local, read through its validator (an older version or a corrupted
 * profile may have written it) and changed only through a serialised read-modify-write.
 */
export interface StoredValue<T> {
  key: string;
  get(): Promise<T>;
  /** Runs `change` on the latest value and stores the result when it differs; returns it. */
  update(change: (value: T) => T): Promise<T>;
}

export function defineStoredValue<T>(key: string, read: (raw: unknown) => T): StoredValue<T> {
  const serially = createSerialQueue();
  const get = async () => read((await browser.storage.local.get(key))[key]);
  return {
    key,
    get,
    update: (change) =>
      serially(async () => {
        const current = await get();
        const next = change(current);
        if (next !== current) await browser.storage.local.set({ [key]: next });
        return next;
      }),
  };
}
