import { receivePort } from '../lib/channel/port-handover';
import { createPacedSender } from '../lib/channel/paced-sender';
import { createDelayedBatch, DIAGNOSTICS_DELAY_MS } from '../lib/channel/delayed-batch';
import { createActiveAnnouncer } from '../lib/channel/active-announcer';
import { relayMessageOf } from '../lib/channel/relay-message';
import { sendToBackground } from '../lib/extension/runtime-send';

/**
 * The isolated relay: takes the interceptor's findings from the private port (lib/channel/port-handover.ts),
 * checks their structure cheaply, keeps only quota fields and passes them to the background,
 * which validates everything again with the full schemas. It also tells the background when
 * this tab becomes the one the user looks at (trusted events only), so that the badge follows
 * this tab's account. Everything goes through one rate limit, which holds what it refuses until
 * tokens come back (lib/channel/paced-sender.ts); diagnostics first wait two seconds, off the page's
 * busy moment (lib/channel/delayed-batch.ts).
 *
 * Not a WXT content script but an unlisted script that wxt.config.ts lists in the manifest's
 * content_scripts (document_start, the interceptor's pages): WXT wraps a content script in its
 * context, which the relay does not use and which would cost every chatgpt.com load its code and
 * an early call into the extension API (about 0.5 ms of script time, measured in
 * docs/performance.md); the context also invalidates itself on a document event a page can
 * dispatch. Its listeners are plain ones, and the API is first touched when a finding is sent.
 */

// A real page produces a few findings a minute; a burst of 20 covers opening many chats at once.
const BURST = 20;
const PER_SECOND = 2;
// Slots held past the bucket: a finding of each kind, carrier and account a page has, with room.
const MAX_HELD = 32;

export default defineUnlistedScript({
  main() {
    const announcer = createActiveAnnouncer();
    const now = () => Date.now();
    const later = (run: () => void, ms: number) => void setTimeout(run, ms);
    const paced = createPacedSender({
      burst: BURST,
      perSecond: PER_SECOND,
      maxHeld: MAX_HELD,
      // A message that waited says so: the background dates it to when the page received it.
      send: (message, heldMs) => sendToBackground(heldMs > 0 ? { ...message, heldMs } : message),
      now,
      later,
    });
    const diagnostics = createDelayedBatch({
      delayMs: DIAGNOSTICS_DELAY_MS,
      max: MAX_HELD,
      now,
      later,
      pass: paced.pass,
    });
    receivePort(window, (port) => {
      port.onmessage = (event: MessageEvent) => {
        // Checked before it spends a token: junk must not crowd out real findings.
        const message = relayMessageOf(event.data);
        if (message === null) return;
        if (message.type === 'page-finding' && message.finding.kind === 'account') announcer.learn(message.account);
        if (message.type === 'page-finding' && message.finding.kind === 'ignored') diagnostics.hold(message);
        else paced.pass(message);
      };
    });
    const onActive = (event: Event) => {
      // A page can dispatch focus events of its own, as many as it likes: only the browser's count.
      if (!event.isTrusted || document.visibilityState !== 'visible') return;
      const message = announcer.announce(now());
      if (message !== null) paced.pass(message);
    };
    window.addEventListener('focus', onActive);
    document.addEventListener('visibilitychange', onActive);
    // Leaving the page: what the rate limit and the delay still hold goes now (a page's own pagehide event does nothing).
    window.addEventListener('pagehide', (event) => {
      if (!event.isTrusted) return;
      diagnostics.flush();
      paced.sendHeld();
    });
  },
});
