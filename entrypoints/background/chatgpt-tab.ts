import { browser, type Browser } from 'wxt/browser';

/**
 * The chatgpt.com tab that last reported, so that clicking a notification can bring it back.
 * Known from our own content script's messages: no `tabs` permission is needed for that, nor
 * for tabs.update/tabs.create. Kept in storage.session: it means nothing after a restart.
 */

const LAST_TAB_KEY = 'lastChatgptTab';
const CHATGPT_HOME = 'https://chatgpt.com/';

/** What this worker last wrote: every message of the same tab would otherwise write it again. */
let remembered: string | null = null;

export function rememberChatgptTab(tab: Browser.tabs.Tab | undefined): void {
  if (tab?.id === undefined) return;
  const key = `${tab.id}|${tab.windowId}`;
  if (key === remembered) return;
  remembered = key;
  browser.storage.session?.set({ [LAST_TAB_KEY]: { tabId: tab.id, windowId: tab.windowId } }).catch(() => undefined);
}

export async function focusChatgptTab(): Promise<void> {
  try {
    const stored = (await browser.storage.session.get(LAST_TAB_KEY))[LAST_TAB_KEY] as { tabId?: unknown; windowId?: unknown } | undefined;
    if (typeof stored?.tabId === 'number') {
      await browser.tabs.update(stored.tabId, { active: true });
      if (typeof stored.windowId === 'number') await browser.windows.update(stored.windowId, { focused: true });
      return;
    }
  } catch {
    // The tab was closed (or session storage is missing): open a new one instead.
  }
  await browser.tabs.create({ url: CHATGPT_HOME });
}
