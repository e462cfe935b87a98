import { browser, type Browser } from 'wxt/browser';
import { CHATGPT_ORIGINS } from '../../lib/channel/content-matches';
import { activeAccountState, type QuotaState } from '../../lib/core/quota-state';
import { badgeFor } from '../../lib/alerts/quota-badge';
import { logDiagnostic } from '../../lib/extension/diagnostics-log';
import { settingsStore } from '../../lib/extension/settings-store';
import { syncChipRegistration } from '../../lib/extension/chip-registration';
import { quotaStore } from '../../lib/extension/quota-store';
import { modelCountStore } from '../../lib/extension/model-count-store';
import { withCounted } from '../../lib/alerts/counted-meters';
import { BADGE_STALE_ALARM, paintBadge } from './badge-painter';
import { focusChatgptTab, rememberChatgptTab } from './chatgpt-tab';
import { forgetTab, handleRelayMessage } from './finding-handler';
import { notifyDue, notifyRefill, rearmRefillAlarms, REFILL_ALARM_PREFIX } from './notifier';
import { sweepOrphanedEntries } from './orphan-sweep';

/**
 * The background owns the state: it validates what the relay sends, folds readings into
 * storage, paints the badge and sends the notifications. Listeners are registered synchronously
 * in main(), and badge and alarms are rebuilt from storage on every start, since nothing in
 * memory survives a restart; each start also sweeps the stored entries no value lists.
 */

function isFromOurContentScript(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || sender.tab === undefined || typeof sender.url !== 'string') return false;
  try {
    return CHATGPT_ORIGINS.includes(new URL(sender.url).origin);
  } catch {
    return false;
  }
}

async function repaint(state?: QuotaState): Promise<void> {
  const now = Date.now();
  const current = state ?? (await quotaStore.get());
  const settings = await settingsStore.get();
  // A model the user capped is a meter too: its counted turns join the account (lib/alerts/counted-meters.ts).
  const counts = await modelCountStore.get();
  const account = withCounted(activeAccountState(current), counts.accounts[current.activeAccount]);
  await paintBadge(badgeFor(account, now, settings), now, current);
}

/** An error the background caught: logged by code only (its text could hold a value from the page). */
function report(_error: unknown): void {
  void logDiagnostic('background', 'internal error');
}

/** A stored state that failed validation is logged and replaced by the empty state it reads as. */
async function replaceUnreadableState(): Promise<void> {
  await logDiagnostic('storage', 'stored state rejected');
  // On the write queue, as a new object so that it is written; a reading folded meanwhile is kept.
  await quotaStore.update((state) => ({ ...state }));
}

function openChatgptFrom(notificationId: string): void {
  focusChatgptTab()
    .then(() => browser.notifications.clear(notificationId))
    .catch(report);
}

function listenToNotificationClicks(): void {
  const clicks = browser.notifications?.onClicked;
  if (clicks && !clicks.hasListener(openChatgptFrom)) clicks.addListener(openChatgptFrom);
}

export default defineBackground({
  main() {
    browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!isFromOurContentScript(sender)) return undefined;
      rememberChatgptTab(sender.tab);
      const now = Date.now();
      handleRelayMessage(message, now, sender.tab?.id)
        .then(async (handled) => {
          if (handled === null) return;
          await repaint(handled.state);
          await notifyDue(handled.state, handled.account, now);
        })
        .catch(report);
      return undefined;
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === BADGE_STALE_ALARM) repaint().catch(report);
      else if (alarm.name.startsWith(REFILL_ALARM_PREFIX)) {
        quotaStore
          .get()
          .then((state) => notifyRefill(alarm.name, state, Date.now()))
          .catch(report);
      }
    });
    listenToNotificationClicks();
    // A closed tab's accounts are forgotten (lib/core/tab-accounts.ts); no permission needed for this event.
    browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
    // The notifications API appears only once the optional permission is granted.
    browser.permissions?.onAdded.addListener(listenToNotificationClicks);
    // The popup changes settings (badge feature, thresholds, caps, the page chip); the badge and the
    // chip's registration follow at once.
    settingsStore.watch((settings) => {
      repaint().catch(report);
      syncChipRegistration(settings.pageChip).catch(report);
    });
    // "Reset counts" in the popup changes a capped model's meter.
    modelCountStore.watch(() => void repaint().catch(report));
    // On install, update and every start: the chip's registration as the settings say
    // (lib/extension/chip-registration.ts).
    const syncChip = () => settingsStore.get().then((settings) => syncChipRegistration(settings.pageChip));
    const rebuild = () => Promise.all([repaint(), rearmRefillAlarms(), syncChip()]).catch(report);
    browser.runtime.onStartup.addListener(() => void rebuild());
    browser.runtime.onInstalled.addListener(() => void rebuild());
    // Every start (onStartup and onInstalled start the worker too); the sweep after the state's
    // replacement, which leaves the entries of a malformed head to it (entrypoints/background/orphan-sweep.ts).
    void quotaStore
      .read()
      .then(({ rejected }) => (rejected ? replaceUnreadableState() : undefined))
      .catch(report)
      .then(() => Promise.all([rebuild(), sweepOrphanedEntries()]));
  },
});
