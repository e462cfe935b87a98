import { installFetchObserver } from '../lib/page/fetch-observer';
import { PAGE_CHANNEL, PAGE_CHANNEL_VERSION, type PageFinding } from '../lib/channel/page-channel';
import { CHATGPT_MATCHES } from '../lib/channel/content-matches';
import { installWebSocketObserver } from '../lib/page/websocket-observer';

/**
 * The MAIN-world interceptor: tiny, no zod, no framework. It runs before the page's own scripts
 * and hands quota fields (only) to the isolated relay. Everything it needs from the page's
 * globals is taken now, before page code could replace it.
 */
export default defineContentScript({
  matches: CHATGPT_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const post = window.postMessage.bind(window);
    const origin = window.location.origin;
    let pageAccount: string | null = null;
    const report = (finding: PageFinding, account: string | null) => {
      if (finding.kind === 'account') pageAccount = account;
      try {
        post({ ...finding, account, channel: PAGE_CHANNEL, version: PAGE_CHANNEL_VERSION }, origin);
      } catch {
        // A finding that cannot be posted is dropped; the page must never see an error of ours.
      }
    };
    // fetch resolves a relative URL against the document's base URL (a <base> element moves it), not location.
    installFetchObserver({ scope: window, baseUrl: () => document.baseURI, report });
    installWebSocketObserver({ scope: window, report, account: () => pageAccount });
  },
});
