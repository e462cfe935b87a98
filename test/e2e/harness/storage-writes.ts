/**
 * What the extension writes to storage.local, seen from inside it: a listener on
 * `storage.onChanged`, in the service worker (Chromium) or an extension page (Firefox), sums the
 * JSON characters of each value written, per key. Both functions run in the extension after being
 * serialised: plain arrow functions, nothing from this module's scope.
 */

/** Characters of JSON written per storage key since the log started. */
export type WriteLog = Record<string, number>;

type Change = { newValue?: unknown };
type OnChanged = {
  addListener(listener: (changes: Record<string, Change>, area: string) => void): void;
  removeListener(listener: (changes: Record<string, Change>, area: string) => void): void;
};
type WritesScope = {
  browser?: { storage: { onChanged: OnChanged } };
  chrome?: { storage: { onChanged: OnChanged } };
  quotaMeterWriteLog?: { log: WriteLog; listener: (changes: Record<string, Change>, area: string) => void };
};

/** Starts (or restarts) the log. */
export const startWriteLogInExtension = (): void => {
  const scope = globalThis as unknown as WritesScope;
  const onChanged = (scope.browser ?? scope.chrome)!.storage.onChanged;
  if (scope.quotaMeterWriteLog) onChanged.removeListener(scope.quotaMeterWriteLog.listener);
  const log: WriteLog = {};
  const listener = (changes: Record<string, Change>, area: string) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      if (change.newValue !== undefined) log[key] = (log[key] ?? 0) + JSON.stringify({ [key]: change.newValue }).length;
    }
  };
  onChanged.addListener(listener);
  scope.quotaMeterWriteLog = { log, listener };
};

/** Stops the log and returns it. */
export const takeWriteLogInExtension = (): WriteLog => {
  const scope = globalThis as unknown as WritesScope;
  const running = scope.quotaMeterWriteLog;
  if (!running) return {};
  (scope.browser ?? scope.chrome)!.storage.onChanged.removeListener(running.listener);
  delete scope.quotaMeterWriteLog;
  return running.log;
};
