// The bench page's side: it makes the calls and times them with performance.now(), the way a page
// sees its own requests. It reads bodies chunk by chunk and keeps only counts, so that its own heap
// stays flat and what the extension adds is not hidden under the page's copy of the body.
'use strict';
(() => {
  const headers = (name) => ({ 'Content-Type': 'application/json', 'X-Bench-Body': name });

  // The browser's own fetch, from a blank same-origin frame: the extension's MAIN-world script runs
  // only in chatgpt.com's top frame, so this one is not wrapped.
  let nativeFetch = null;
  function unwrappedFetch() {
    if (nativeFetch === null) {
      const frame = document.createElement('iframe');
      frame.hidden = true;
      document.documentElement.append(frame);
      nativeFetch = frame.contentWindow.fetch;
    }
    return nativeFetch;
  }

  /**
   * `count` small GETs one after another (the extension ignores their path), through the page's
   * fetch or, with `unwrapped`, the browser's own. Returns the total time and, for each call, how
   * long the fetch() call itself took before it returned its promise: that is where a wrapper's own
   * work shows, without the network around it.
   */
  async function smallFetches(count, unwrapped) {
    const call = unwrapped ? unwrappedFetch() : window.fetch;
    const started = performance.now();
    const callMs = [];
    for (let index = 0; index < count; index += 1) {
      const calledAt = performance.now();
      const pending = call('/backend-api/me', { headers: headers('small') });
      callMs.push(performance.now() - calledAt);
      const response = await pending;
      await response.text();
    }
    return { totalMs: performance.now() - started, callMs };
  }

  /** POSTs to `path` and reads the answer to its end; times from the call, in ms. */
  async function read(path, name) {
    const started = performance.now();
    const response = await fetch(path, { method: 'POST', headers: headers(name), body: JSON.stringify({ conversation_id: null }) });
    const reader = response.body.getReader();
    let firstChunkAt = null;
    let lastChunkAt = null;
    let bytes = 0;
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      lastChunkAt = performance.now();
      firstChunkAt ??= lastChunkAt;
      bytes += value.byteLength;
      chunks += 1;
    }
    return {
      status: response.status,
      bytes,
      chunks,
      firstChunkMs: firstChunkAt === null ? null : firstChunkAt - started,
      lastChunkMs: lastChunkAt === null ? null : lastChunkAt - started,
      // On the same clock as the extension's service worker (both count from the Unix epoch).
      readAt: performance.timeOrigin + performance.now(),
    };
  }

  const stream = (name) => read('/backend-api/f/conversation', name);
  const init = (name) => read('/backend-api/conversation/init', name);
  window.bench = { smallFetches, stream, init };
})();
