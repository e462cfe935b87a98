import type { ExtensionError } from './extension-errors';
import type { ChipSeen } from './page-chip-reader';
import type { WriteLog } from './storage-writes';
import type { TabDriver } from './tab-driver';

/**
 * What the cross-browser specs read of the loaded extension, in any browser: its badge and its
 * storage, read through its own APIs, and the errors it logged. Chromium reads them in the
 * service worker (extension-under-test.ts), Firefox in an extension page (firefox/firefox-extension.ts).
 */

export interface Badge {
  text: string;
  /** As the browser's action API returns it: [r, g, b, a]. */
  color: [number, number, number, number];
  /** The tooltip. */
  title: string;
}

export type StorageArea = 'local' | 'session' | 'sync';

export interface ExtensionHandle {
  /** chrome-extension://<id> or moz-extension://<uuid>. */
  readonly origin: string;
  readonly errors: { readonly errors: ExtensionError[] };
  badge(): Promise<Badge>;
  /** Everything in a storage area, with the values kept split joined back (lib/extension/split-storage.ts). */
  storage(area?: StorageArea): Promise<Record<string, unknown>>;
  /** Starts noting what the extension writes to storage.local; the returned function stops and gives the characters per key. */
  logWrites(): Promise<() => Promise<WriteLog>>;
  /** Writes storage.local directly, for specs that start from a given state. */
  writeStorage(items: Record<string, unknown>): Promise<void>;
  /** The page chip in the first chatgpt.com tab, read by the extension through its closed shadow root (page-chip-reader.ts). */
  pageChip(): Promise<ChipSeen | null>;
  /** The content scripts registered at run time, as "id: files". */
  registeredScripts(): Promise<string[]>;
  /** The popup's page in a new tab, as the toolbar button would show it (popup-snapshot.ts reads it). */
  popupTab(): Promise<TabDriver>;
}
