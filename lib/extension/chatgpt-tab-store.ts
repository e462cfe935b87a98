import { defineStoredValue } from './stored-value';

/**
 * The chatgpt.com tab that last reported, so that clicking a notification can bring it back. In
 * storage.session: it means nothing after a restart.
 */
interface ChatgptTab {
  tabId: number;
  windowId: number | null;
}

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

export const chatgptTabStore = defineStoredValue<ChatgptTab | null>({
  key: 'lastChatgptTab',
  area: 'session',
  check: (raw) => {
    const { tabId, windowId } = raw as { tabId?: unknown; windowId?: unknown };
    if (!isId(tabId)) return { ok: false, reason: 'stored tab rejected' };
    return { ok: true, value: { tabId, windowId: isId(windowId) ? windowId : null } };
  },
  fallback: () => null,
});
