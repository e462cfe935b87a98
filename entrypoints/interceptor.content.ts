import { installFetchObserver } from '../lib/page/fetch-observer';
import type { PageFinding } from '../lib/page/page-message';
import { CHATGPT_MATCHES } from '../lib/channel/content-matches';
import { handOverPort } from '../lib/channel/port-handover';
import { installWebSocketObserver } from '../lib/page/websocket-observer';
import { baseUri } from '../lib/page/page-natives';

/**
 * The MAIN-world interceptor: tiny, no zod, no framework. It runs before the page's own scripts
 * and hands quota fields (only) to the isolated relay through a private MessagePort, handed over
 * once, now (lib/channel/port-handover.ts). Everything it needs from the page's globals is taken
 * now, before page code could replace it.
 */
export default defineContentScript({
  matches: CHATGPT_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const { port1, port2 } = new MessageChannel();
    // Taken now: a page that replaces MessagePort.prototype.postMessage later must not see our findings.
    const apply = Reflect.apply;
    const postToPort = MessagePort.prototype.postMessage;
    if (!handOverPort(window, window.location.origin, port2)) return;
    let pageAccount: string | null = null;
    const report = (finding: PageFinding, account: string | null) => {
      if (finding.kind === 'account') pageAccount = account;
      try {
        apply(postToPort, port1, [{ ...finding, account }]);
      } catch {
        // A finding that cannot be posted is dropped; the page must never see an error of ours.
      }
    };
    // fetch resolves a relative URL against the document's base URL (a <base> element moves it), not
    // location; read through Node's getter, since the page can define its own document.baseURI.
    installFetchObserver({ scope: window, baseUrl: () => baseUri(document), report });
    installWebSocketObserver({ scope: window, report, account: () => pageAccount });
  },
});
