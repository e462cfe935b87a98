// Injected into the popup before its own code (popup-paint.ts prepends `benchExpected`, the
// feature label and count to wait for). Notes when the popup's script starts (main.tsx sets the
// document's language first thing), when storage first answers the popup (its first frame's read),
// when the expected feature item with its count is in the DOM, and the first contentful paint;
// `window.benchPopup.done` resolves once the count and the paint are known.
/* global benchExpected */
'use strict';
(() => {
  let finish;
  const seen = { scriptAt: null, storageAt: null, countAt: null, paintAt: null, done: new Promise((resolve) => (finish = resolve)) };
  window.benchPopup = seen;
  // The API object the popup's code uses (WXT's browser: browser when it is the extension API, else chrome).
  const api = globalThis.browser && globalThis.browser.runtime && globalThis.browser.runtime.id ? globalThis.browser : globalThis.chrome;
  const area = api.storage.local;
  const get = area.get;
  area.get = function (...args) {
    const answer = get.apply(area, args);
    answer.then(() => {
      if (seen.storageAt === null) seen.storageAt = performance.now();
    });
    return answer;
  };
  function settle() {
    if (seen.countAt !== null && seen.paintAt !== null) finish();
  }
  setTimeout(finish, benchExpected.timeoutMs);
  new PerformanceObserver((list) => {
    const paint = list.getEntries().find((entry) => entry.name === 'first-contentful-paint');
    if (paint) seen.paintAt = paint.startTime;
    settle();
  }).observe({ type: 'paint', buffered: true });
  const watcher = new MutationObserver((records) => {
    if (seen.scriptAt === null && records.some((record) => record.attributeName === 'lang')) seen.scriptAt = performance.now();
    const items = [...document.querySelectorAll('main li')].map((item) => item.textContent || '');
    if (!items.some((text) => text.includes(benchExpected.label) && text.includes(benchExpected.count))) return;
    seen.countAt = performance.now();
    watcher.disconnect();
    settle();
  });
  watcher.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['lang'] });
})();
