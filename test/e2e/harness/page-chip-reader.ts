/**
 * The page chip as the extension itself can see it: its shadow root is closed, so neither a page
 * script nor the test driver's page-world evaluate can read it. The extension reads it in an
 * isolated-world function it injects with `scripting.executeScript` (it holds host access to
 * chatgpt.com), through `chrome.dom.openOrClosedShadowRoot` in Chromium and
 * `element.openOrClosedShadowRoot` in Firefox. Both functions run in the extension (service worker
 * or extension page) after being serialised: plain arrow functions, nothing from this module's scope.
 */

/** What the chip shows in the first chatgpt.com tab; null when that tab has no chip. */
export interface ChipSeen {
  label: string | null;
  text: string;
}

type ScriptingApi = {
  tabs: { query(filter: { url: string[] }): Promise<{ id?: number }[]> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; func: () => unknown }): Promise<{ result?: unknown }[]>;
    getRegisteredContentScripts(): Promise<{ id: string; js?: string[] }[]>;
  };
};

/** Runs in the extension, with its `chrome` (Chromium) or `browser` (Firefox) API. */
export const readChipInExtension = async (): Promise<ChipSeen | null> => {
  const scope = globalThis as unknown as { browser?: ScriptingApi; chrome?: ScriptingApi };
  const api = (scope.browser ?? scope.chrome) as ScriptingApi;
  const [tab] = await api.tabs.query({ url: ['https://chatgpt.com/*'] });
  if (tab?.id === undefined) return null;
  const [injected] = await api.scripting.executeScript({
    target: { tabId: tab.id },
    func: () => {
      const host = document.querySelector('quota-meter-chip');
      if (host === null || !host.isConnected) return null;
      const isolated = globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } } };
      const opener = isolated.chrome?.dom?.openOrClosedShadowRoot;
      const root = opener ? opener(host) : (host as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
      const chip = root?.querySelector('[aria-label]');
      return { label: chip?.getAttribute('aria-label') ?? null, text: root?.textContent ?? '' };
    },
  });
  return (injected?.result as ChipSeen | null | undefined) ?? null;
};

/** The ids and files of the content scripts registered at run time. */
export const registeredScriptsInExtension = async (): Promise<string[]> => {
  const scope = globalThis as unknown as { browser?: ScriptingApi; chrome?: ScriptingApi };
  const api = (scope.browser ?? scope.chrome) as ScriptingApi;
  return (await api.scripting.getRegisteredContentScripts()).map((script) => `${script.id}: ${(script.js ?? []).join(' ')}`);
};
