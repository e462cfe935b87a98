// The transparency probes: what a chatgpt.com page can observe of fetch and WebSocket, written
// down as plain JSON. The spec runs runProbes() in Chromium without and with the extension and
// compares the two records. Each probe names what it does; the server's behaviour is chosen by the
// query (`b`), and `f` names the quota feature the answer carries, so that the spec can tell which
// probes the extension read. Nothing here may depend on time or chance: both runs must agree.
'use strict';
(() => {
  const INIT = '/backend-api/conversation/init';
  const TURN = '/backend-api/f/conversation';
  const RESUME = '/backend-api/f/conversation/resume';
  const LEGACY_TURN = '/backend-api/conversation';
  const ANON_INIT = '/backend-anon/conversation/init';
  const ANON_TURN = '/backend-anon/f/conversation';
  const CROSS_ORIGIN = 'https://chat.openai.com';

  const featureOf = (probe) => `p_${probe.replaceAll('-', '_')}`;
  const url = (path, behaviour, probe, extra = '') => `${path}?b=${behaviour}&f=${featureOf(probe)}${extra}`;
  const json = { 'content-type': 'application/json' };
  // Taken before any probe replaces them (the counting probes replace Reflect.apply among others).
  const apply = Reflect.apply;

  function hex(buffer) {
    return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  async function digest(bytes) {
    return { sha256: hex(await crypto.subtle.digest('SHA-256', bytes)), length: bytes.byteLength };
  }

  function errorFacts(error) {
    if (typeof error !== 'object' || error === null) return { thrownValue: `${typeof error}: ${String(error)}` };
    return {
      name: error.name,
      message: error.message,
      constructor: error.constructor === undefined ? null : error.constructor.name,
      isDOMException: error instanceof DOMException,
    };
  }

  /** Microtask turns until a promise settles: the very promise of fetch settles on the same turn. */
  async function ticksToSettle(promise, max = 30) {
    let settled = null;
    promise.then(
      () => (settled = 'fulfilled'),
      () => (settled = 'rejected'),
    );
    for (let tick = 0; tick <= max; tick++) {
      if (settled !== null) return { settled, tick };
      await null;
    }
    return { settled: 'later' };
  }

  function visibleHeaders(response) {
    // The date is the only header that changes from one run to the next.
    return [...response.headers].filter(([name]) => name !== 'date');
  }

  function responseHead(response) {
    return {
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      type: response.type,
      redirected: response.redirected,
      url: response.url,
      headers: visibleHeaders(response),
      bodyIsNull: response.body === null,
      bodyUsed: response.bodyUsed,
      bodyLocked: response.body === null ? null : response.body.locked,
    };
  }

  async function bodyFacts(response) {
    try {
      return await digest(await response.arrayBuffer());
    } catch (error) {
      return { error: errorFacts(error) };
    }
  }

  async function responseFacts(response) {
    const head = responseHead(response);
    const body = await bodyFacts(response);
    return { ...head, body, bodyUsedAfterRead: response.bodyUsed };
  }

  /** What the page sees of one call: its response and body, or its rejection. */
  async function fetchFacts(...args) {
    try {
      return await responseFacts(await fetch(...args));
    } catch (error) {
      return { rejected: errorFacts(error) };
    }
  }

  /** The outcome of a call that may throw synchronously, return a promise, or neither. */
  async function callFacts(call) {
    let result;
    try {
      result = call();
    } catch (error) {
      return { threwSynchronously: errorFacts(error) };
    }
    if (!(result instanceof Promise)) return { returned: typeof result };
    const timing = await ticksToSettle(result);
    try {
      return { timing, response: await responseFacts(await result) };
    } catch (error) {
      return { timing, rejected: errorFacts(error) };
    }
  }

  /** Reads a stream chunk by chunk, noting the order of what happened; `onFirst` runs after chunk 1. */
  async function readStream(response, onFirst) {
    const order = ['headers'];
    const reader = response.body.getReader();
    const parts = [];
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        if (parts.length === 1) {
          order.push('first chunk');
          if (onFirst) {
            await onFirst();
            order.push('acknowledged');
          }
        }
      }
      order.push('done');
    } catch (error) {
      order.push(`read rejected after ${parts.length > 0 ? 'some' : 'no'} chunks`);
      order.push(errorFacts(error));
    }
    const all = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.byteLength;
    }
    return { order, body: await digest(all) };
  }

  let ackCount = 0;
  async function streamWithAck(path, probe, init) {
    const id = `${probe}-${++ackCount}`;
    const response = await fetch(url(path, 'quota-sse', probe, `&id=${id}`), init);
    const head = responseHead(response);
    const stream = await readStream(response, () => fetch(`/t/ack?id=${id}`).then((ack) => ack.text()));
    return { ...head, ...stream, bodyUsedAfterRead: response.bodyUsed };
  }

  async function abortDuringStream(probe, useReader, reason) {
    const controller = new AbortController();
    const response = await fetch(url(TURN, 'held-sse', probe), { method: 'POST', body: '{}', headers: json, signal: controller.signal });
    const head = responseHead(response);
    if (useReader) {
      const reader = response.body.getReader();
      const first = await reader.read();
      controller.abort(reason);
      try {
        await reader.read();
        return { head, firstChunkBytes: first.value.byteLength, afterAbort: 'read resolved' };
      } catch (error) {
        return {
          head,
          firstChunkBytes: first.value.byteLength,
          afterAbort: errorFacts(error),
          isTheReason: reason !== undefined && error === reason,
        };
      }
    }
    const text = response.text();
    setTimeout(() => controller.abort(reason), 50);
    try {
      await text;
      return { head, afterAbort: 'text resolved' };
    } catch (error) {
      return { head, afterAbort: errorFacts(error), signalReason: errorFacts(controller.signal.reason) };
    }
  }

  /** Counts calls of a method while `run` runs, the method being replaced by a pass-through. */
  async function countingCalls(owner, key, run) {
    const original = owner[key];
    let calls = 0;
    owner[key] = function (...args) {
      calls += 1;
      return apply(original, this, args);
    };
    try {
      const outcome = await run();
      return { calls, outcome };
    } finally {
      owner[key] = original;
    }
  }

  function socketEvents(socket) {
    return new Promise((resolve) => {
      const events = [];
      const pending = [];
      socket.addEventListener('open', () => events.push('open'));
      socket.addEventListener('error', () => events.push('error'));
      socket.addEventListener('message', (event) => {
        events.push('message');
        pending.push(digest(new TextEncoder().encode(String(event.data))));
      });
      socket.addEventListener('close', (event) => {
        events.push({ close: event.code, reason: event.reason, wasClean: event.wasClean });
        Promise.all(pending).then((messages) => resolve({ events, messages }));
      });
    });
  }

  function socketUrl(probe) {
    return `wss://chatgpt.com/backend-api/ws?b=ws&f=${featureOf(probe)}`;
  }

  function refusedUrl(path) {
    return `https://127.0.0.1:${window.refusedPort}${path}`;
  }

  function fetchIdentity(fetchFunction) {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'fetch');
    let construct;
    try {
      const made = new fetchFunction('/t/data?b=text&f=construct');
      if (made && typeof made.then === 'function') made.then(undefined, () => undefined);
      construct = { constructed: typeof made };
    } catch (error) {
      construct = errorFacts(error);
    }
    return {
      typeof: typeof fetchFunction,
      name: fetchFunction.name,
      length: fetchFunction.length,
      string: String(fetchFunction),
      toStringMethod: fetchFunction.toString(),
      functionPrototypeToString: Function.prototype.toString.call(fetchFunction),
      ownKeys: Reflect.ownKeys(fetchFunction).map(String),
      ownPropertyNames: Object.getOwnPropertyNames(fetchFunction),
      ownPropertySymbols: Object.getOwnPropertySymbols(fetchFunction).map(String),
      // The marks an earlier version kept on the function, looked up by name as a page could.
      marker: typeof fetchFunction[Symbol.for('quota-meter.fetch-observer')],
      hasPrototypeProperty: 'prototype' in fetchFunction,
      prototypeIsFunctionPrototype: Object.getPrototypeOf(fetchFunction) === Function.prototype,
      toStringIsInherited: fetchFunction.toString === Function.prototype.toString,
      windowDescriptor: {
        writable: descriptor.writable,
        enumerable: descriptor.enumerable,
        configurable: descriptor.configurable,
        isData: 'value' in descriptor,
      },
      sameEverywhere: window.fetch === self.fetch && self.fetch === globalThis.fetch,
      construct,
    };
  }

  function webSocketIdentity() {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'WebSocket');
    let withoutNew;
    try {
      WebSocket(refusedUrl('/'));
      withoutNew = 'no error';
    } catch (error) {
      withoutNew = errorFacts(error);
    }
    const socket = new WebSocket(`wss://127.0.0.1:${window.refusedPort}/identity`);
    class PageSocket extends WebSocket {}
    const sub = new PageSocket(`wss://127.0.0.1:${window.refusedPort}/identity-sub`);
    const facts = {
      typeof: typeof WebSocket,
      name: WebSocket.name,
      length: WebSocket.length,
      string: String(WebSocket),
      functionPrototypeToString: Function.prototype.toString.call(WebSocket),
      constants: [WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED],
      ownKeys: Reflect.ownKeys(WebSocket).map(String),
      ownPropertyNames: Object.getOwnPropertyNames(WebSocket),
      ownPropertySymbols: Object.getOwnPropertySymbols(WebSocket).map(String),
      marker: typeof WebSocket[Symbol.for('quota-meter.websocket-observer')],
      prototypeConstructorIsWebSocket: WebSocket.prototype.constructor === WebSocket,
      superIsEventTarget: Object.getPrototypeOf(WebSocket) === EventTarget,
      windowDescriptor: {
        writable: descriptor.writable,
        enumerable: descriptor.enumerable,
        configurable: descriptor.configurable,
        isData: 'value' in descriptor,
      },
      withoutNew,
      instance: {
        instanceOfWebSocket: socket instanceof WebSocket,
        constructorIsWebSocket: socket.constructor === WebSocket,
        prototypeIsWebSocketPrototype: Object.getPrototypeOf(socket) === WebSocket.prototype,
        string: String(socket),
        readyState: socket.readyState,
        url: socket.url,
        binaryType: socket.binaryType,
        protocol: socket.protocol,
      },
      subclass: {
        instanceOfBoth: sub instanceof PageSocket && sub instanceof WebSocket,
        constructorIsSubclass: sub.constructor === PageSocket,
        prototypeIsSubclassPrototype: Object.getPrototypeOf(sub) === PageSocket.prototype,
      },
    };
    socket.close();
    sub.close();
    return facts;
  }

  /** [name, run]: run once each, in this order; names are the record's keys. */
  const probes = [
    // Matched paths, every way a URL can be given.
    [
      'init-post-string',
      () => fetchFacts(url(INIT, 'quota-json', 'init-post-string'), { method: 'POST', headers: json, body: '{"conversation_id":null}' }),
    ],
    [
      'init-url-object',
      () => fetchFacts(new URL(url(INIT, 'quota-json', 'init-url-object'), location.href), { method: 'POST', body: '{}' }),
    ],
    ['init-relative-no-slash', () => fetchFacts(url(INIT.slice(1), 'quota-json', 'init-relative-no-slash'))],
    ['init-relative-dot-dot', () => fetchFacts(url(`../..${INIT}`, 'quota-json', 'init-relative-dot-dot'))],
    ['init-protocol-relative', () => fetchFacts(url(`//chatgpt.com${INIT}`, 'quota-json', 'init-protocol-relative'))],
    [
      'init-absolute-with-fragment',
      () => fetchFacts(`${url(`https://chatgpt.com${INIT}`, 'quota-json', 'init-absolute-with-fragment')}#fragment`),
    ],
    ['init-trailing-slash', () => fetchFacts(url(`${INIT}/`, 'quota-json', 'init-trailing-slash'))],
    ['init-long-query', () => fetchFacts(url(INIT, 'quota-json', 'init-long-query', `&q=${'%E2%9C%93'.repeat(200)}&empty=&flag`))],
    ['anon-init', () => fetchFacts(url(ANON_INIT, 'quota-json', 'anon-init'), { method: 'POST', body: '{}' })],
    // Request objects, with bodies of several kinds; the server echoes what it received.
    [
      'request-json-body',
      async () => {
        const request = new Request(url(INIT, 'echo', 'request-json-body'), {
          method: 'POST',
          headers: { ...json, 'x-probe': 'request' },
          body: '{"a":1,"ü":"✓"}',
        });
        const facts = await fetchFacts(request);
        return { facts, requestBodyUsed: request.bodyUsed };
      },
    ],
    [
      'request-blob-body',
      async () => {
        const request = new Request(url(INIT, 'echo', 'request-blob-body'), {
          method: 'POST',
          body: new Blob([new Uint8Array(256).map((_, index) => index)]),
        });
        return { facts: await fetchFacts(request), requestBodyUsed: request.bodyUsed };
      },
    ],
    [
      'request-search-params-body',
      () =>
        fetchFacts(
          new Request(url(INIT, 'echo', 'request-search-params-body'), { method: 'POST', body: new URLSearchParams({ a: '1', b: 'ü' }) }),
        ),
    ],
    [
      'request-init-overrides',
      () =>
        fetchFacts(new Request(url(INIT, 'echo', 'request-init-overrides'), { method: 'POST', body: 'first' }), {
          method: 'PUT',
          body: 'override',
        }),
    ],
    [
      'request-used-twice',
      async () => {
        const request = new Request(url(INIT, 'echo', 'request-used-twice'), { method: 'POST', body: 'once' });
        const copy = request.clone();
        const first = await fetchFacts(request);
        return { first, again: await callFacts(() => fetch(request)), clone: await fetchFacts(copy) };
      },
    ],
    [
      'request-stream-body',
      () =>
        callFacts(() =>
          fetch(url(INIT, 'echo', 'request-stream-body'), {
            method: 'POST',
            body: new ReadableStream({ start: (controller) => controller.close() }),
            duplex: 'half',
          }),
        ),
    ],
    // Event streams: the first chunk reaches the page before the server sends the rest.
    ['turn-sse-streamed', () => streamWithAck(TURN, 'turn-sse-streamed', { method: 'POST', headers: json, body: '{"action":"next"}' })],
    ['resume-sse-streamed', () => streamWithAck(RESUME, 'resume-sse-streamed', { method: 'POST', body: '{}' })],
    ['anon-turn-sse-streamed', () => streamWithAck(ANON_TURN, 'anon-turn-sse-streamed', { method: 'POST', body: '{}' })],
    ['legacy-turn-sse', () => fetchFacts(url(LEGACY_TURN, 'quota-sse', 'legacy-turn-sse'), { method: 'POST', body: '{}' })],
    [
      'turn-body-read-at-once-then-again',
      async () => {
        const response = await fetch(url(TURN, 'quota-sse', 'turn-body-read-at-once-then-again'), { method: 'POST', body: '{}' });
        const text = await response.text();
        const again = await response.text().then(() => 'read again', errorFacts);
        let clone;
        try {
          response.clone();
          clone = 'cloned';
        } catch (error) {
          clone = errorFacts(error);
        }
        return { head: responseHead(response), body: await digest(new TextEncoder().encode(text)), again, clone };
      },
    ],
    [
      'turn-page-clones-first',
      async () => {
        const response = await fetch(url(TURN, 'quota-sse', 'turn-page-clones-first'), { method: 'POST', body: '{}' });
        const copy = response.clone();
        const [own, cloned] = await Promise.all([bodyFacts(response), bodyFacts(copy)]);
        return { own, cloned };
      },
    ],
    ['turn-json-not-stream', () => fetchFacts(url(TURN, 'quota-json', 'turn-json-not-stream'), { method: 'POST', body: '{}' })],
    ['turn-model-cap-429', () => fetchFacts(url(TURN, 'model-cap-429', 'turn-model-cap-429'), { method: 'POST', body: '{}' })],
    ['init-error-500', () => fetchFacts(url(INIT, 'error-500', 'init-error-500'), { method: 'POST', body: '{}' })],
    ['init-over-size-bound', () => fetchFacts(url(INIT, 'big-json', 'init-over-size-bound'), { method: 'POST', body: '{}' })],
    // Null bodies and caching.
    ['init-204', () => fetchFacts(url(INIT, 'no-content', 'init-204'), { method: 'POST', body: '{}' })],
    ['turn-204', () => fetchFacts(url(TURN, 'no-content', 'turn-204'), { method: 'POST', body: '{}' })],
    [
      'init-304-page-sent-etag',
      () => fetchFacts(url(INIT, 'etag', 'init-304-page-sent-etag'), { headers: { 'if-none-match': '"v1"' }, cache: 'no-store' }),
    ],
    [
      'init-revalidated-from-cache',
      async () => {
        const first = await fetchFacts(url(INIT, 'etag', 'init-revalidated-from-cache'));
        return { first, second: await fetchFacts(url(INIT, 'etag', 'init-revalidated-from-cache')) };
      },
    ],
    // Other origins.
    ['cross-origin-no-cors', () => fetchFacts(CROSS_ORIGIN + url(INIT, 'quota-json', 'cross-origin-no-cors'), { mode: 'no-cors' })],
    ['cross-origin-cors', () => fetchFacts(CROSS_ORIGIN + url(INIT, 'quota-json', 'cross-origin-cors', '&cors=1'))],
    // Redirects, to and from matched paths.
    [
      'redirect-to-matched',
      () =>
        fetchFacts(
          url(
            '/t/redirect',
            'redirect',
            'redirect-to-matched',
            `&to=${encodeURIComponent(url(INIT, 'quota-json', 'redirect-to-matched'))}`,
          ),
        ),
    ],
    [
      'redirect-from-matched',
      () =>
        fetchFacts(
          url(
            INIT,
            'redirect',
            'redirect-from-matched',
            `&to=${encodeURIComponent(url('/t/data', 'quota-json', 'redirect-from-matched'))}`,
          ),
        ),
    ],
    ['redirect-manual', () => fetchFacts(url(INIT, 'redirect', 'redirect-manual', '&to=/t/data%3Fb%3Dtext'), { redirect: 'manual' })],
    ['redirect-error', () => fetchFacts(url(INIT, 'redirect', 'redirect-error', '&to=/t/data%3Fb%3Dtext'), { redirect: 'error' })],
    // Network errors.
    ['network-refused', () => callFacts(() => fetch(refusedUrl(url(INIT, 'quota-json', 'network-refused'))))],
    [
      'network-destroyed-before-answer',
      () => callFacts(() => fetch(url(INIT, 'destroy-early', 'network-destroyed-before-answer'), { method: 'POST', body: '{}' })),
    ],
    [
      'network-destroyed-mid-stream',
      async () => {
        // The server cuts the socket only once the page has its first chunk: otherwise, on a busy
        // machine, whether any bytes arrive before the cut is a race of its own, with or without us.
        const id = `network-destroyed-mid-stream-${++ackCount}`;
        const response = await fetch(url(TURN, 'destroy-mid', 'network-destroyed-mid-stream', `&id=${id}`), { method: 'POST', body: '{}' });
        return { head: responseHead(response), ...(await readStream(response, () => fetch(`/t/ack?id=${id}`).then((ack) => ack.text()))) };
      },
    ],
    // Aborts.
    [
      'abort-before-call',
      () => {
        const controller = new AbortController();
        controller.abort();
        return callFacts(() => fetch(url(INIT, 'quota-json', 'abort-before-call'), { signal: controller.signal }));
      },
    ],
    [
      'abort-before-call-with-reason',
      async () => {
        const controller = new AbortController();
        const reason = new RangeError('page reason');
        controller.abort(reason);
        const call = fetch(url(INIT, 'quota-json', 'abort-before-call-with-reason'), { signal: controller.signal });
        const facts = await callFacts(() => call);
        return {
          facts,
          isTheReason: await call.then(
            () => false,
            (error) => error === reason,
          ),
        };
      },
    ],
    [
      'abort-request-signal',
      () => {
        const controller = new AbortController();
        controller.abort();
        return callFacts(() => fetch(new Request(url(INIT, 'quota-json', 'abort-request-signal'), { signal: controller.signal })));
      },
    ],
    ['abort-during-stream-reader', () => abortDuringStream('abort-during-stream-reader', true)],
    ['abort-during-stream-reason', () => abortDuringStream('abort-during-stream-reason', true, new RangeError('page reason'))],
    ['abort-during-text', () => abortDuringStream('abort-during-text', false)],
    [
      'abort-after-complete',
      async () => {
        const controller = new AbortController();
        const facts = await fetchFacts(url(INIT, 'quota-json', 'abort-after-complete'), { signal: controller.signal });
        controller.abort();
        return facts;
      },
    ],
    // Not matched: nothing to read, whatever the body holds.
    ['unmatched-models', () => fetchFacts(url('/backend-api/models', 'quota-json', 'unmatched-models'))],
    ['unmatched-lookalike-suffix', () => fetchFacts(url(`${INIT}-x`, 'quota-json', 'unmatched-lookalike-suffix'))],
    ['unmatched-lookalike-prefix', () => fetchFacts(url(`/x${INIT}`, 'quota-json', 'unmatched-lookalike-prefix'))],
    ['unmatched-path-in-query', () => fetchFacts(url('/t/data', 'quota-json', 'unmatched-path-in-query', `&path=${INIT}`))],
    ['unmatched-text', () => fetchFacts(url('/t/data', 'text', 'unmatched-text'))],
    [
      'input-object-with-to-string',
      async () => {
        let calls = 0;
        const input = { toString: () => (calls++, url(INIT, 'quota-json', 'input-object-with-to-string')) };
        const facts = await fetchFacts(input);
        return { facts, toStringCalls: calls };
      },
    ],
    // `this`, arguments and the function itself.
    ['this-empty-object', () => callFacts(() => fetch.call({}, url('/t/data', 'text', 'this-empty-object')))],
    ['this-undefined', () => callFacts(() => fetch.call(undefined, url(INIT, 'quota-json', 'this-undefined')))],
    ['this-null', () => callFacts(() => fetch.call(null, url('/t/data', 'text', 'this-null')))],
    [
      'this-reflect-apply-object',
      () => callFacts(() => Reflect.apply(fetch, { fetch }, [url('/t/data', 'text', 'this-reflect-apply-object')])),
    ],
    ['this-as-method-of-object', () => callFacts(() => ({ fetch }).fetch(url('/t/data', 'text', 'this-as-method-of-object')))],
    [
      'this-detached-and-bound',
      async () => {
        const detached = fetch;
        const bound = fetch.bind(window);
        return {
          detached: await callFacts(() => detached(url(INIT, 'quota-json', 'this-detached-and-bound'))),
          bound: await callFacts(() => bound(url('/t/data', 'text', 'this-detached-and-bound'))),
          boundName: bound.name,
          boundLength: bound.length,
        };
      },
    ],
    [
      'this-other-window',
      async () => {
        const frame = document.createElement('iframe');
        document.body.append(frame);
        try {
          // The promise is of the frame's realm (not `instanceof Promise` here), so callFacts does not
          // wait for it: wait here, or removing the frame races the request to the server.
          const pending = fetch.call(frame.contentWindow, url('/t/data', 'text', 'this-other-window'));
          const facts = await callFacts(() => pending);
          const settled = await pending.then(
            (response) => `status ${response.status}`,
            (error) => `rejected ${error && error.name}`,
          );
          return { ...facts, settled };
        } finally {
          frame.remove();
        }
      },
    ],
    ['no-arguments', () => callFacts(() => fetch())],
    ['symbol-input', () => callFacts(() => fetch(Symbol('input')))],
    ['bad-method', () => callFacts(() => fetch(url(INIT, 'quota-json', 'bad-method'), { method: 'CONNECT' }))],
    ['fetch-identity', () => fetchIdentity(window.fetch)],
    [
      'window-messages-during-read',
      async () => {
        const seen = [];
        const listener = (event) =>
          seen.push(typeof event.data === 'object' && event.data !== null ? Object.keys(event.data).sort().join(',') : typeof event.data);
        addEventListener('message', listener);
        try {
          const facts = await fetchFacts(url(INIT, 'quota-json', 'window-messages-during-read'));
          await new Promise((resolve) => setTimeout(resolve, 200));
          return { facts, messages: seen };
        } finally {
          removeEventListener('message', listener);
        }
      },
    ],
    // Everything the page's first listener received since load: the findings of every probe before this one.
    ['early-listener-messages', () => ({ messages: [...window.earlyMessages] })],
    // What a page that looks closely at our calls could see.
    [
      'init-getters-counted',
      async () => {
        const reads = {};
        const init = {};
        for (const [key, value] of Object.entries({ method: 'POST', headers: { 'x-probe': 'getters' }, body: '{}', cache: 'no-store' })) {
          Object.defineProperty(init, key, { enumerable: true, get: () => ((reads[key] = (reads[key] ?? 0) + 1), value) });
        }
        const facts = await fetchFacts(url(INIT, 'quota-json', 'init-getters-counted'), init);
        return { facts, reads };
      },
    ],
    [
      'header-getter-counted',
      async () => {
        const reads = { probe: 0, account: 0 };
        const headers = {
          get 'x-probe'() {
            reads.probe += 1;
            return 'getter';
          },
          get 'chatgpt-account-id'() {
            reads.account += 1;
            return 'probe-account';
          },
        };
        const facts = await fetchFacts(url(INIT, 'quota-json', 'header-getter-counted'), { headers });
        return { facts, reads };
      },
    ],
    [
      'request-subclass-getters-counted',
      async () => {
        const reads = { url: 0, headers: 0 };
        class PageRequest extends Request {
          get url() {
            reads.url += 1;
            return super.url;
          }
          get headers() {
            reads.headers += 1;
            return super.headers;
          }
        }
        const facts = await fetchFacts(new PageRequest(url(INIT, 'quota-json', 'request-subclass-getters-counted')));
        return { facts, reads };
      },
    ],
    ['reflect-apply-counted', () => countingCalls(Reflect, 'apply', () => fetchFacts(url(INIT, 'quota-json', 'reflect-apply-counted')))],
    [
      'promise-then-counted-during-call',
      async () => {
        // Counted only while fetch() itself runs: what the page's own awaits do is not the question.
        let pending;
        const counted = await countingCalls(Promise.prototype, 'then', () => {
          pending = fetch(url(INIT, 'quota-json', 'promise-then-counted-during-call'));
          return 'called';
        });
        return { ...counted, response: await responseFacts(await pending) };
      },
    ],
    [
      'response-clone-counted',
      () => countingCalls(Response.prototype, 'clone', () => fetchFacts(url(INIT, 'quota-json', 'response-clone-counted'))),
    ],
    // A page that replaces fetch later, on top of whatever is there.
    [
      'page-wraps-fetch-later',
      async () => {
        const previous = window.fetch;
        let calls = 0;
        window.fetch = function fetch(...args) {
          calls += 1;
          return previous.apply(this, args);
        };
        try {
          const facts = await fetchFacts(url(INIT, 'quota-json', 'page-wraps-fetch-later'), { method: 'POST', body: '{}' });
          const stream = await streamWithAck(TURN, 'page-wraps-fetch-later-stream', { method: 'POST', body: '{}' });
          return { calls, facts, stream };
        } finally {
          window.fetch = previous;
        }
      },
    ],
    [
      'page-proxies-fetch-later',
      async () => {
        const previous = window.fetch;
        let calls = 0;
        window.fetch = new Proxy(previous, { apply: (target, self, args) => ((calls += 1), Reflect.apply(target, self, args)) });
        try {
          const facts = await fetchFacts(url(INIT, 'quota-json', 'page-proxies-fetch-later'));
          return { calls, facts, string: String(window.fetch) };
        } finally {
          window.fetch = previous;
        }
      },
    ],
    ['fetch-identity-after-restore', () => fetchIdentity(window.fetch)],
    // WebSocket.
    ['websocket-identity', () => webSocketIdentity()],
    ['websocket-turn', () => socketEvents(new WebSocket(socketUrl('websocket-turn')))],
    ['websocket-refused', () => socketEvents(new WebSocket(`wss://127.0.0.1:${window.refusedPort}/backend-api/ws`))],
    [
      'page-wraps-websocket-later',
      async () => {
        const Previous = window.WebSocket;
        let made = 0;
        window.WebSocket = class WebSocket extends Previous {
          constructor(...args) {
            super(...args);
            made += 1;
          }
        };
        try {
          const socket = new WebSocket(socketUrl('page-wraps-websocket-later'));
          const seen = await socketEvents(socket);
          return { made, seen, instanceOfPrevious: socket instanceof Previous, name: window.WebSocket.name };
        } finally {
          window.WebSocket = Previous;
        }
      },
    ],
  ];

  /** Runs the named probes (all by default), in the list's order. */
  async function runProbes(names = probes.map(([name]) => name)) {
    const record = {};
    for (const [name, run] of probes.filter(([probe]) => names.includes(probe))) {
      try {
        record[name] = await run();
      } catch (error) {
        record[name] = { probeFailed: errorFacts(error) };
      }
    }
    return record;
  }

  window.transparency = { runProbes, probeNames: probes.map(([name]) => name), featureOf };
})();
