/**
 * runtime.sendMessage without the webextension-polyfill, for the relay: it runs on every
 * chatgpt.com page and must stay small (issue 14). Firefox has the promise-based `browser`;
 * Chrome's `chrome.runtime.sendMessage` returns a promise too (MV3). Never throws: after an
 * extension update the old relay's runtime is gone, and the page must not see that.
 */

interface Runtime {
  sendMessage(message: unknown): Promise<unknown> | undefined;
}

function runtimeOf(scope: object): Runtime | null {
  const { browser, chrome } = scope as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  return browser?.runtime ?? chrome?.runtime ?? null;
}

export function sendToBackground(message: unknown, scope: object = globalThis): void {
  try {
    runtimeOf(scope)
      ?.sendMessage(message)
      ?.catch(() => {
        // The background may be restarting; the next reading will come soon enough.
      });
  } catch {
    // The extension was reloaded or removed: this relay has nobody to talk to any more.
  }
}
