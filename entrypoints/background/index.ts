import { browser, type Browser } from 'wxt/browser';
import { CHATGPT_ORIGINS } from '../../lib/content-matches';
import { activeAccountState, type QuotaState } from '../../lib/quota-state';
import { badgeFor } from '../../lib/quota-badge';
import { logDiagnostic } from '../../lib/extension/diagnostics-log';
import { loadQuotaState } from '../../lib/extension/quota-store';
import { BADGE_STALE_ALARM, paintBadge } from './badge-painter';
import { handleRelayMessage } from './finding-handler';

/**
 * The background owns the state: it validates what the relay sends, folds readings into
 * storage, and paints the badge. Listeners are registered synchronously in main(), and the
 * badge is rebuilt from storage on every start, since nothing in memory survives a restart.
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
  const current = state ?? (await loadQuotaState()).state;
  await paintBadge(badgeFor(activeAccountState(current), now), now);
}

export default defineBackground({
  main() {
    browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!isFromOurContentScript(sender)) return undefined;
      handleRelayMessage(message, Date.now())
        .then((state) => (state ? repaint(state) : undefined))
        .catch((error: unknown) => logDiagnostic('background', String(error)));
      return undefined;
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === BADGE_STALE_ALARM) void repaint();
    });
    browser.runtime.onStartup.addListener(() => void repaint());
    browser.runtime.onInstalled.addListener(() => void repaint());
    void loadQuotaState().then(({ state, problem }) => {
      if (problem) void logDiagnostic('storage', problem);
      return repaint(state);
    });
  },
});
