/**
 * What the transparency spec expects of each probe of page/probes.js: which quota features the
 * extension reads from it (a feature is named after the probe that carried it, `p_<probe>`), and
 * where the page's view may differ with the extension, and why. Every probe of the page is listed
 * here, and every entry is checked both ways: an expected difference that disappears fails too,
 * so this table stays the true list.
 */

export interface ProbeExpectation {
  /** Probes (this one or a helper it calls) whose quota answer the extension must have read. */
  reads: string[];
  /** Paths in the probe's record that differ with the extension, with the reason it is accepted. */
  differs?: Record<string, string>;
}

const READ = (probe: string): ProbeExpectation => ({ reads: [probe] });
const NOT_READ: ProbeExpectation = { reads: [] };

/**
 * Inspecting the function itself: Function.prototype.toString.call(fetch) shows the wrapper's
 * source (fetch.toString() and String(fetch) give the native text), and its own keys show the
 * toString that does so and the install marker. Accepted: short of inspecting fetch itself, a
 * page cannot tell.
 */
const FETCH_ITSELF = {
  functionPrototypeToString: "Function.prototype.toString.call(fetch) shows the wrapper's source: accepted, short of inspecting fetch itself.",
  ownKeys: "fetch's own keys add the toString that gives the native text and the install marker (Symbol.for('quota-meter.fetch-observer')).",
  toStringIsInherited: "fetch.toString is that own toString, not Function.prototype.toString.",
};

/**
 * The account header is read from the call's own arguments (lib/page/request-account.ts), after the
 * native fetch read them: a page whose init, headers or Request subclass count their getter calls
 * sees one more. Reading nothing there would lose the account of every reading.
 */
const ACCOUNT_HEADER_READ = "lib/page/request-account.ts reads the call's headers once more, for the chatgpt-account-id header.";

export const PROBES: Record<string, ProbeExpectation> = {
  'init-post-string': READ('init-post-string'),
  'init-url-object': READ('init-url-object'),
  'init-relative-no-slash': READ('init-relative-no-slash'),
  'init-relative-dot-dot': READ('init-relative-dot-dot'),
  'init-protocol-relative': READ('init-protocol-relative'),
  'init-absolute-with-fragment': READ('init-absolute-with-fragment'),
  'init-trailing-slash': READ('init-trailing-slash'),
  'init-long-query': READ('init-long-query'),
  'anon-init': READ('anon-init'),
  'request-json-body': READ('request-json-body'),
  'request-blob-body': READ('request-blob-body'),
  'request-search-params-body': READ('request-search-params-body'),
  'request-init-overrides': READ('request-init-overrides'),
  'request-used-twice': READ('request-used-twice'),
  // Chromium refuses a streamed upload over HTTP/1.1 before anything is answered.
  'request-stream-body': NOT_READ,
  'turn-sse-streamed': READ('turn-sse-streamed'),
  'resume-sse-streamed': READ('resume-sse-streamed'),
  'anon-turn-sse-streamed': READ('anon-turn-sse-streamed'),
  'legacy-turn-sse': READ('legacy-turn-sse'),
  'turn-body-read-at-once-then-again': READ('turn-body-read-at-once-then-again'),
  'turn-page-clones-first': READ('turn-page-clones-first'),
  // A turn is read only when it is an event stream (lib/page/response-plan.ts).
  'turn-json-not-stream': NOT_READ,
  // Read as the legacy model cap (a blocked "model_cap" entry), not as a feature.
  'turn-model-cap-429': NOT_READ,
  'init-error-500': NOT_READ,
  'init-over-size-bound': NOT_READ,
  'init-204': NOT_READ,
  'turn-204': NOT_READ,
  'init-304-page-sent-etag': NOT_READ,
  // The first answer is read; the second comes from the cache after a 304 and is read again.
  'init-revalidated-from-cache': READ('init-revalidated-from-cache'),
  'cross-origin-no-cors': NOT_READ,
  // Matching is on the pathname (lib/page/quota-endpoints.ts): a readable cross-origin answer is read.
  'cross-origin-cors': READ('cross-origin-cors'),
  // Matching is on the URL the page asked for, not on where a redirect led.
  'redirect-to-matched': NOT_READ,
  'redirect-from-matched': READ('redirect-from-matched'),
  'redirect-manual': NOT_READ,
  'redirect-error': NOT_READ,
  'network-refused': NOT_READ,
  'network-destroyed-before-answer': NOT_READ,
  // The quota event arrived whole before the connection was cut.
  'network-destroyed-mid-stream': READ('network-destroyed-mid-stream'),
  'abort-before-call': NOT_READ,
  'abort-before-call-with-reason': NOT_READ,
  'abort-request-signal': NOT_READ,
  'abort-during-stream-reader': NOT_READ,
  'abort-during-stream-reason': NOT_READ,
  'abort-during-text': NOT_READ,
  'abort-after-complete': READ('abort-after-complete'),
  'unmatched-models': NOT_READ,
  'unmatched-lookalike-suffix': NOT_READ,
  'unmatched-lookalike-prefix': NOT_READ,
  'unmatched-path-in-query': NOT_READ,
  'unmatched-text': NOT_READ,
  // The interceptor never calls a page object's toString (it would be a second, visible call).
  'input-object-with-to-string': NOT_READ,
  'this-empty-object': NOT_READ,
  'this-undefined': READ('this-undefined'),
  'this-null': NOT_READ,
  'this-reflect-apply-object': NOT_READ,
  'this-as-method-of-object': NOT_READ,
  'this-detached-and-bound': READ('this-detached-and-bound'),
  'this-other-window': NOT_READ,
  'no-arguments': NOT_READ,
  'symbol-input': NOT_READ,
  'bad-method': NOT_READ,
  'fetch-identity': { reads: [], differs: FETCH_ITSELF },
  // Findings go through a private MessagePort (lib/channel/port-handover.ts): no window message of ours.
  'window-messages-during-read': READ('window-messages-during-read'),
  'early-listener-messages': NOT_READ,
  'init-getters-counted': { reads: ['init-getters-counted'], differs: { 'reads.headers': ACCOUNT_HEADER_READ } },
  'header-getter-counted': { reads: ['header-getter-counted'], differs: { 'reads.account': ACCOUNT_HEADER_READ } },
  'request-subclass-getters-counted': {
    reads: ['request-subclass-getters-counted'],
    differs: {
      'reads.url': "lib/page/quota-endpoints.ts reads a Request's url to match its path; a subclass's getter counts it.",
      'reads.headers': ACCOUNT_HEADER_READ,
    },
  },
  'reflect-apply-counted': READ('reflect-apply-counted'),
  'promise-then-counted-during-call': READ('promise-then-counted-during-call'),
  'response-clone-counted': READ('response-clone-counted'),
  'page-wraps-fetch-later': { reads: ['page-wraps-fetch-later', 'page-wraps-fetch-later-stream'] },
  'page-proxies-fetch-later': {
    reads: ['page-proxies-fetch-later'],
    differs: { string: "String() of the page's Proxy finds fetch's own toString (see fetch-identity) and gives the native text of fetch." },
  },
  'fetch-identity-after-restore': { reads: [], differs: FETCH_ITSELF },
  'websocket-identity': {
    reads: [],
    differs: {
      functionPrototypeToString:
        "Function.prototype.toString.call(WebSocket) shows a Proxy's 'function () { [native code] }' (String(WebSocket) gives the native text): " +
        'accepted, short of inspecting WebSocket itself.',
    },
  },
  'websocket-turn': READ('websocket-turn'),
  'websocket-refused': NOT_READ,
  'page-wraps-websocket-later': READ('page-wraps-websocket-later'),
};

/** The feature a probe's quota answer carries (page/probes.js featureOf). */
export function featureOf(probe: string): string {
  return `p_${probe.replaceAll('-', '_')}`;
}
