import { browser, type Browser } from 'wxt/browser';
import { applyReading } from '../../lib/apply-reading';
import { CHATGPT_ORIGINS } from '../../lib/content-matches';
import { readingFromPickedQuota } from '../../lib/parse-quota-object';
import { activeAccountState, type QuotaState } from '../../lib/quota-state';
import { badgeFor } from '../../lib/quota-badge';
import { relayMessageSchema } from '../../lib/runtime-messages';
import { logDiagnostic } from '../../lib/extension/diagnostics-log';
import { loadQuotaState, updateQuotaState } from '../../lib/extension/quota-store';
import { BADGE_STALE_ALARM, paintBadge } from './badge-painter';

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

async function handleRelayMessage(message: unknown): Promise<void> {
  const parsed = relayMessageSchema.safeParse(message);
  if (!parsed.success) return logDiagnostic('background', 'malformed relay message');
  const relayed = parsed.data;
  if (relayed.type === 'page-ignored') return logDiagnostic(relayed.carrier, relayed.reason);
  const result = readingFromPickedQuota(relayed.quota, { source: relayed.carrier, receivedAt: Date.now() });
  if (!result.ok) return logDiagnostic(relayed.carrier, `reading rejected: ${result.error}`);
  const state = await updateQuotaState((current) => applyReading(current, result.reading));
  await repaint(state);
}

export default defineBackground({
  main() {
    browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!isFromOurContentScript(sender)) return undefined;
      handleRelayMessage(message).catch((error: unknown) => logDiagnostic('background', String(error)));
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
