import { browser } from 'wxt/browser';
import { CHATGPT_MATCHES } from '../lib/channel/content-matches';
import { isOnPageChannel, pageMessageSchema } from '../lib/channel/page-message-schema';
import { pickCodexUsage } from '../lib/page/codex-usage-fields';
import { pickQuotaFields } from '../lib/page/quota-fields';
import { createRateLimiter } from '../lib/channel/rate-limiter';
import type { RelayMessage } from '../lib/channel/runtime-messages';

/**
 * The isolated relay: takes the interceptor's window messages, drops anything that is not a
 * well-formed message of ours (the page can post the same shape), keeps only quota fields and
 * passes the rest to the background. It also tells the background when this tab becomes the
 * one the user looks at, so that the badge follows this tab's account.
 */

// A real page produces a few findings a minute; a burst of 20 covers opening many chats at once.
const BURST = 20;
const PER_SECOND = 2;
/**
 * A real finding is a few KB; the schemas allow far more (64 features with long texts), which a
 * page could post again and again to keep the background busy. Larger messages are not passed on.
 */
const MAX_MESSAGE_CHARS = 32 * 1024;

function relayMessageOf(data: unknown): RelayMessage | null {
  const parsed = pageMessageSchema.safeParse(data);
  if (!parsed.success) return null;
  const { channel: _channel, version: _version, account, ...finding } = parsed.data;
  if (finding.kind === 'codex-usage') {
    const usage = pickCodexUsage(finding.usage);
    return usage ? { type: 'page-finding', finding: { ...finding, usage: { ...usage } }, account } : null;
  }
  if (finding.kind !== 'quota') return { type: 'page-finding', finding, account };
  const quota = pickQuotaFields(finding.quota);
  return quota ? { type: 'page-finding', finding: { ...finding, quota: { ...quota } }, account } : null;
}

function send(message: RelayMessage): void {
  browser.runtime.sendMessage(message).catch(() => {
    // The background may be restarting; the next reading will come soon enough.
  });
}

export default defineContentScript({
  matches: CHATGPT_MATCHES,
  runAt: 'document_start',
  // Otherwise WXT posts a message carrying the extension id to '*' on chatgpt.com.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const limiter = createRateLimiter(BURST, PER_SECOND);
    let pageAccount: string | null = null;
    ctx.addEventListener(window, 'message', (event: MessageEvent) => {
      if (event.source !== window || !isOnPageChannel(event.data)) return;
      // Validated before it spends a token: junk posted by the page must not crowd out real findings.
      const message = relayMessageOf(event.data);
      if (message === null || JSON.stringify(message).length > MAX_MESSAGE_CHARS) return;
      if (!limiter.take(Date.now())) return;
      if (message.type === 'page-finding' && message.finding.kind === 'account') pageAccount = message.account;
      send(message);
    });
    const announce = () => {
      if (document.visibilityState === 'visible' && pageAccount !== null) send({ type: 'page-active', account: pageAccount });
    };
    ctx.addEventListener(window, 'focus', announce);
    ctx.addEventListener(document, 'visibilitychange', announce);
  },
});
