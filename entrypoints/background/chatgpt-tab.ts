import { browser, type Browser } from 'wxt/browser';
import { chatgptTabStore } from '../../lib/extension/chatgpt-tab-store';

/**
 * The chatgpt.com tab that last reported, so that clicking a notification can bring it back.
 * Known from our own content script's messages: no `tabs` permission is needed for that, nor
 * for tabs.update/tabs.create.
 */

const CHATGPT_HOME = 'https://chatgpt.com/';

/** What this worker last wrote: every message of the same tab would otherwise write it again. */
let lastWritten: string | null = null;

export function rememberChatgptTab(tab: Browser.tabs.Tab | undefined): void {
  if (tab?.id === undefined) return;
  const key = `${tab.id}|${tab.windowId}`;
  if (key === lastWritten) return;
  lastWritten = key;
  const remembered = { tabId: tab.id, windowId: tab.windowId ?? null };
  chatgptTabStore.update(() => remembered).catch(() => undefined);
}

export async function focusChatgptTab(): Promise<void> {
  try {
    const stored = await chatgptTabStore.get();
    if (stored !== null) {
      await browser.tabs.update(stored.tabId, { active: true });
      if (stored.windowId !== null) await browser.windows.update(stored.windowId, { focused: true });
      return;
    }
  } catch {
    // The tab was closed (or session storage is missing): open a new one instead.
  }
  await browser.tabs.create({ url: CHATGPT_HOME });
}
