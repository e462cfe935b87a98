import { browser } from 'wxt/browser';
import { createSerialQueue } from '../core/serial-queue';

/**
 * One value in storage.local, read through its validator (an older version or a corrupted
 * profile may have written it) and changed only through a serialised read-modify-write.
 */
export interface StoredValue<T> {
  key: string;
  get(): Promise<T>;
  /** Runs `change` on the latest value and stores the result when it differs (as JSON: a copy that changes nothing is not written); returns it. */
  update(change: (value: T) => T): Promise<T>;
}

export function defineStoredValue<T>(key: string, read: (raw: unknown) => T): StoredValue<T> {
  const serially = createSerialQueue();
  const raw = async () => (await browser.storage.local.get(key))[key];
  const get = async () => read(await raw());
  return {
    key,
    get,
    update: (change) =>
      serially(async () => {
        const stored: unknown = await raw();
        const current = read(stored);
        const next = change(current);
        // Compared with what is stored, not with what it reads as: an unreadable value is replaced.
        if (next !== current && JSON.stringify(next) !== JSON.stringify(stored)) await browser.storage.local.set({ [key]: next });
        return next;
      }),
  };
}
