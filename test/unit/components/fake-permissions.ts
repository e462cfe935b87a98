import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * browser.permissions for popup tests (fakeBrowser has none). The browser grants an optional
 * permission only during the user's click: this fake tells whether each request came while a
 * click was being dispatched (a window listener in the capture phase opens the click, one in the
 * bubble phase closes it), so a handler that awaited anything first is caught asking too late.
 */

type Listener = () => void;

export interface FakePermissions {
  requests: Array<{ permissions: string[]; duringClick: boolean }>;
  /** Answers the pending request (the user's choice in the browser's prompt). */
  answer(granted: boolean): Promise<void>;
  /** The user withdraws the permission in the browser's settings. */
  withdraw(): Promise<void>;
  granted(): boolean;
  /** Removes the click listeners from window. */
  uninstall(): void;
}

export function installFakePermissions(initiallyGranted = false): FakePermissions {
  let granted = initiallyGranted;
  let inClick = false;
  let pending: ((granted: boolean) => void) | null = null;
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  const requests: FakePermissions['requests'] = [];
  const listening = new AbortController();
  window.addEventListener('click', () => (inClick = true), { capture: true, signal: listening.signal });
  window.addEventListener('click', () => (inClick = false), { signal: listening.signal });
  const event = (listeners: Set<Listener>) => ({
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
  });
  Object.assign(fakeBrowser, {
    permissions: {
      contains: async () => granted,
      request: ({ permissions }: { permissions: string[] }) => {
        requests.push({ permissions, duringClick: inClick });
        return new Promise<boolean>((resolve) => (pending = resolve));
      },
      onAdded: event(added),
      onRemoved: event(removed),
    },
  });
  return {
    requests,
    granted: () => granted,
    uninstall: () => listening.abort(),
    async answer(yes) {
      if (yes) granted = true;
      pending?.(yes);
      pending = null;
      if (yes) added.forEach((listener) => listener());
    },
    async withdraw() {
      granted = false;
      removed.forEach((listener) => listener());
    },
  };
}
