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
 * Inspecting the function itself: fetch is a Proxy of the native one (own names, symbols, name,
 * length and prototype are the native's), but Function.prototype.toString.call(fetch) gives a
 * Proxy's "function () { [native code] }", so fetch.toString is answered by the Proxy to give the
 * native text, and is not the inherited one. Accepted: short of inspecting fetch itself, a page
 * cannot tell.
 */
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
  // Issue 23: Function.prototype.toString prints our Proxies as the natives (lib/page/native-text.ts),
  // and fetch.toString is Function.prototype.toString: nothing of fetch's identity differs any more.
  'fetch-identity': NOT_READ,
  // Findings go through a private MessagePort (lib/channel/port-handover.ts): no window message of ours.
  'window-messages-during-read': READ('window-messages-during-read'),
  'early-listener-messages': NOT_READ,
  // The account header is read from own data properties and through built-ins taken at document
  // start (lib/page/request-account.ts, lib/page/page-natives.ts): no getter of the page is called again.
  'init-getters-counted': READ('init-getters-counted'),
  'header-getter-counted': READ('header-getter-counted'),
  'request-subclass-getters-counted': READ('request-subclass-getters-counted'),
  'reflect-apply-counted': READ('reflect-apply-counted'),
  'promise-then-counted-during-call': READ('promise-then-counted-during-call'),
  'response-clone-counted': READ('response-clone-counted'),
  'page-wraps-fetch-later': { reads: ['page-wraps-fetch-later', 'page-wraps-fetch-later-stream'] },
  'page-proxies-fetch-later': { reads: ['page-proxies-fetch-later'] },
  'fetch-identity-after-restore': NOT_READ,
  'websocket-identity': NOT_READ,
  'websocket-turn': READ('websocket-turn'),
  'websocket-refused': NOT_READ,
  'page-wraps-websocket-later': READ('page-wraps-websocket-later'),
};

/** The feature a probe's quota answer carries (page/probes.js featureOf). */
export function featureOf(probe: string): string {
  return `p_${probe.replaceAll('-', '_')}`;
}
