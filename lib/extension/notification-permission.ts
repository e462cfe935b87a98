import { browser } from 'wxt/browser';

/**
 * The optional `notifications` permission: the user grants it by a click in the popup and may withdraw
 * it at any time in the browser's settings, so it is asked about each time rather than remembered.
 */
const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** Whether it is held now; an API that is missing or fails counts as no. */
export async function notificationsAllowed(): Promise<boolean> {
  try {
    return await browser.permissions.contains(NOTIFICATIONS);
  } catch {
    return false;
  }
}

/** Asks for it. Call it within the user's click, before anything is awaited: browsers grant it only then. */
export function requestNotifications(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS);
}

/** Calls `onChange` whenever a permission is added or removed; returns the unsubscribe. */
export function watchPermissions(onChange: () => void): () => void {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  return () => {
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
  };
}
