import { browser } from 'wxt/browser';
import { CHATGPT_MATCHES } from '../lib/content-matches';
import { isOnPageChannel, pageMessageSchema } from '../lib/page-message-schema';
import { pickQuotaFields } from '../lib/quota-fields';
import { createRateLimiter } from '../lib/rate-limiter';
import type { RelayMessage } from '../lib/runtime-messages';

/**
 * The isolated relay: takes the interceptor's window messages, drops anything that is not a
 * well-formed message of ours (the page can post the same shape), keeps only quota fields and
 * passes the rest to the background.
 */

// A real page produces a few readings a minute; a burst of 20 covers opening many chats at once.
const BURST = 20;
const PER_SECOND = 2;

function relayMessageOf(data: unknown): RelayMessage | null {
  const parsed = pageMessageSchema.safeParse(data);
  if (!parsed.success) return null;
  const message = parsed.data;
  if (message.kind === 'ignored') return { type: 'page-ignored', carrier: message.carrier, reason: message.reason };
  const quota = pickQuotaFields(message.quota);
  return quota ? { type: 'page-quota', carrier: message.carrier, quota: { ...quota } } : null;
}

export default defineContentScript({
  matches: CHATGPT_MATCHES,
  runAt: 'document_start',
  // Otherwise WXT posts a message carrying the extension id to '*' on chatgpt.com.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const limiter = createRateLimiter(BURST, PER_SECOND);
    ctx.addEventListener(window, 'message', (event: MessageEvent) => {
      if (event.source !== window || !isOnPageChannel(event.data)) return;
      if (!limiter.take(Date.now())) return;
      const message = relayMessageOf(event.data);
      if (message === null) return;
      browser.runtime.sendMessage(message).catch(() => {
        // The background may be restarting; the next reading will come soon enough.
      });
    });
  },
});
