import { CHATGPT_MATCHES } from '../lib/channel/content-matches';
import { receivePort } from '../lib/channel/port-handover';
import { createPacedSender } from '../lib/channel/paced-sender';
import { createActiveAnnouncer } from '../lib/channel/active-announcer';
import { relayMessageOf } from '../lib/channel/relay-message';
import { sendToBackground } from '../lib/extension/runtime-send';

/**
 * The isolated relay: takes the interceptor's findings from the private port (lib/channel/port-handover.ts),
 * checks their structure cheaply, keeps only quota fields and passes them to the background,
 * which validates everything again with the full schemas. It also tells the background when
 * this tab becomes the one the user looks at (trusted events only), so that the badge follows
 * this tab's account. Everything goes through one rate limit, which holds what it refuses until
 * tokens come back (lib/channel/paced-sender.ts).
 *
 * Its listeners are plain ones, not WXT's context helpers: the context invalidates itself on a
 * document event a page can dispatch, which would switch the relay off for the tab.
 */

// A real page produces a few findings a minute; a burst of 20 covers opening many chats at once.
const BURST = 20;
const PER_SECOND = 2;
// Slots held past the bucket: a finding of each kind, carrier and account a page has, with room.
const MAX_HELD = 32;

export default defineContentScript({
  matches: CHATGPT_MATCHES,
  runAt: 'document_start',
  // Otherwise WXT posts a message carrying the extension id to '*' on chatgpt.com.
  noScriptStartedPostMessage: true,
  main() {
    const announcer = createActiveAnnouncer();
    const pass = createPacedSender({
      burst: BURST,
      perSecond: PER_SECOND,
      maxHeld: MAX_HELD,
      // A message that waited says so: the background dates it to when the page received it.
      send: (message, heldMs) => sendToBackground(heldMs > 0 ? { ...message, heldMs } : message),
      now: () => Date.now(),
      later: (run, ms) => setTimeout(run, ms),
    });
    receivePort(window, (port) => {
      port.onmessage = (event: MessageEvent) => {
        // Checked before it spends a token: junk must not crowd out real findings.
        const message = relayMessageOf(event.data);
        if (message === null) return;
        if (message.type === 'page-finding' && message.finding.kind === 'account') announcer.learn(message.account);
        pass(message);
      };
    });
    const onActive = (event: Event) => {
      // A page can dispatch focus events of its own, as many as it likes: only the browser's count.
      if (!event.isTrusted || document.visibilityState !== 'visible') return;
      const message = announcer.announce(Date.now());
      if (message !== null) pass(message);
    };
    window.addEventListener('focus', onActive);
    document.addEventListener('visibilitychange', onActive);
  },
});
