/**
 * Page scripts of the hostile-page suite (hostile-page-suite.ts), run in the page as they are
 * written (Playwright and puppeteer send each function's source): self-contained, no imports.
 */

export interface PatchedRun {
  /** Calls of each patched built-in (and reads of each planted getter) while the page fetched. */
  counts: Record<string, number>;
  statuses: number[];
  /** The page's own call of a patched method, counted: the counters work. */
  ownCall: number;
}

/**
 * Patches built-ins the interceptor could call on a page call (the outside review's list and
 * more), plants getters on Object.prototype that would turn a 429 without `detail` into a model
 * cap and an object without `limits_progress` into a reading, redefines document.baseURI, then
 * fetches the matched endpoints (init naming an account, a turn with its quota event, a turn with
 * the image tool's refusal, Codex usage, a 429, the memories list) and reads every body, and takes a turn over
 * WebSocket; counts while the interceptor reads them too.
 */
export async function countPatchedCalls(plan: { settleMs: number; account: string }): Promise<PatchedRun> {
  const [INIT, TURN, CODEX] = ['/backend-api/conversation/init', '/backend-api/f/conversation', '/backend-api/wham/usage'];
  const SOCKET = 'wss://ws.chatgpt.com/ws?topic=patched';
  const MEMORIES = '/backend-api/memories';
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  let counting = false;
  const restores: Array<() => void> = [];
  const count = (label: string) => {
    if (counting) counts[label] = (counts[label] ?? 0) + 1;
  };
  function wrapMethod(owner: object, key: string | symbol, label: string): void {
    const descriptor = Object.getOwnPropertyDescriptor(owner, key);
    if (!descriptor || typeof descriptor.value !== 'function') return;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    const patched = function (this: unknown, ...args: unknown[]) {
      count(label);
      return Reflect.apply(original, this, args);
    };
    Object.defineProperty(owner, key, { ...descriptor, value: patched });
    restores.push(() => Object.defineProperty(owner, key, descriptor));
  }
  function wrapGlobal(name: string): void {
    const scope = window as unknown as Record<string, unknown>;
    const original = scope[name] as (...args: unknown[]) => unknown;
    scope[name] = new Proxy(original, {
      apply: (target, self, args) => (count(`${name}()`), Reflect.apply(target, self, args)),
      construct: (target, args, newTarget) => (count(`new ${name}`), Reflect.construct(target, args, newTarget)),
    });
    restores.push(() => (scope[name] = original));
  }
  function plantGetter(owner: object, key: string, label: string, value: () => unknown): void {
    const descriptor = Object.getOwnPropertyDescriptor(owner, key);
    Object.defineProperty(owner, key, {
      configurable: true,
      get() {
        count(label);
        return value();
      },
    });
    restores.push(() => (descriptor ? Object.defineProperty(owner, key, descriptor) : delete (owner as Record<string, unknown>)[key]));
  }

  const methods: Array<[object, string[], string]> = [
    [
      String.prototype,
      ['includes', 'endsWith', 'startsWith', 'toLowerCase', 'indexOf', 'slice', 'charCodeAt', 'padStart', 'trim', 'split', 'replace'],
      'String',
    ],
    [Array.prototype, ['includes', 'find', 'indexOf', 'push', 'map', 'join', 'some', 'filter', 'forEach', 'slice', 'splice'], 'Array'],
    [Object.getPrototypeOf(Uint8Array.prototype) as object, ['indexOf', 'subarray', 'set'], 'TypedArray'],
    [JSON, ['parse', 'stringify'], 'JSON'],
    [Object, ['keys', 'entries', 'fromEntries', 'getOwnPropertyDescriptor'], 'Object'],
    [RegExp.prototype, ['test', 'exec'], 'RegExp'],
    [TextDecoder.prototype, ['decode'], 'TextDecoder'],
    [BigInt.prototype, ['toString'], 'BigInt'],
    [Number.prototype, ['toString'], 'Number'],
    [Promise.prototype, ['then'], 'Promise'],
    [Set.prototype, ['add', 'has'], 'Set'],
    [Map.prototype, ['get', 'set', 'has'], 'Map'],
  ];
  for (const [owner, names, label] of methods) for (const name of names) wrapMethod(owner, name, `${label}.${name}`);
  wrapMethod(Array.prototype, Symbol.iterator, 'Array[Symbol.iterator]');
  for (const name of ['Number', 'BigInt', 'TextDecoder', 'Uint8Array', 'URL']) wrapGlobal(name);
  const baseUri = document.baseURI;
  plantGetter(document, 'baseURI', 'document.baseURI', () => baseUri);
  // Last, since they answer for every object: what a careless reader would take for the server's.
  const planted: Record<string, unknown> = {
    detail: { code: 'model_cap_exceeded', clears_in: 600 },
    type: 'conversation_detail_metadata',
    limits_progress: [{ feature_name: 'planted_feature', remaining: 1, reset_after: '' }],
    stream: false,
  };
  for (const key of ['detail', 'type', 'limits_progress', 'stream'])
    plantGetter(Object.prototype, key, `Object.prototype.${key}`, () => planted[key]);

  const statusOf = async (input: string, init?: RequestInit) => {
    const response = await fetch(input, init);
    await response.text();
    return response.status;
  };
  /** Resolves with the close code once the server has sent its frames and closed. */
  const socketTurn = () =>
    new Promise<number>((resolve) => {
      const socket = new WebSocket(SOCKET);
      socket.onclose = (event) => resolve(event.code);
    });
  const statuses: number[] = [];
  let ownCall: number;
  counting = true;
  try {
    'page'.endsWith('e');
    ownCall = counts['String.endsWith'] ?? 0;
    statuses[0] = await statusOf(INIT, { headers: { 'chatgpt-account-id': plan.account } });
    statuses[1] = await statusOf(TURN, { method: 'POST', body: '{}' });
    statuses[2] = await statusOf(TURN, { method: 'POST', body: '{}' });
    statuses[3] = await statusOf(CODEX);
    statuses[4] = await statusOf(TURN, { method: 'POST', body: '{}' });
    statuses[5] = await statusOf(MEMORIES);
    statuses[6] = await socketTurn();
    // The interceptor reads its clones after the page's reads; let it finish inside the window.
    await new Promise((resolve) => setTimeout(resolve, plan.settleMs));
  } finally {
    counting = false;
    for (let index = restores.length - 1; index >= 0; index--) restores[index]!();
  }
  return { counts: { ...counts }, statuses, ownCall };
}

/** Opens a chatgpt socket and dispatches a MessageEvent of the page's own making per frame; says how many the page's listener got. */
export function forgeSocketEvents(frames: string[]): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket('wss://ws.chatgpt.com/ws?topic=forged');
    let received = 0;
    socket.addEventListener('message', () => (received += 1));
    socket.addEventListener('error', () => resolve(-1));
    socket.addEventListener('open', () => {
      for (const data of frames) socket.dispatchEvent(new MessageEvent('message', { data }));
      resolve(received);
    });
  });
}

/**
 * Hooks EventTarget.prototype.addEventListener before making a chatgpt socket, then calls every
 * message listener it caught with a forged MessageEvent and with a plain object claiming to be
 * trusted. Says how many listeners it caught and how many calls the page's own listener got.
 */
export function forgeThroughHookedListener(frames: string[]): Promise<{ listeners: number; calls: number }> {
  const prototype = EventTarget.prototype;
  const original = prototype.addEventListener;
  const caught: unknown[] = [];
  prototype.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (type === 'message') caught.push(listener);
    return Reflect.apply(original, this, [type, listener, options]) as void;
  };
  return new Promise((resolve) => {
    let socket: WebSocket;
    let calls = 0;
    try {
      socket = new WebSocket('wss://ws.chatgpt.com/ws?topic=hooked');
      socket.addEventListener('message', () => (calls += 1));
    } finally {
      prototype.addEventListener = original;
    }
    socket.onerror = () => resolve({ listeners: -1, calls });
    socket.onopen = () => {
      for (const listener of caught) {
        const call = (event: unknown) =>
          typeof listener === 'function'
            ? Reflect.apply(listener, socket, [event])
            : (listener as { handleEvent: (event: unknown) => void }).handleEvent(event);
        for (const data of frames) {
          call(new MessageEvent('message', { data }));
          call({ type: 'message', isTrusted: true, data, target: socket, currentTarget: socket });
        }
      }
      resolve({ listeners: caught.length, calls });
    };
  });
}

/**
 * Asks conversation/init once per id with `chatgpt-account-id: <id>` (twice with `twice`; the
 * last one aborted before it leaves with `abortLast`), then once naming no account with
 * `thenUnnamed`, as the page's own later calls may. Returns each status, or "aborted"/"failed".
 */
export async function requestsForAccounts(plan: {
  ids: string[];
  abortLast?: boolean;
  thenUnnamed?: boolean;
  twice?: boolean;
}): Promise<Array<number | string>> {
  const INIT = '/backend-api/conversation/init';
  const ask = async (id: string | null, signal?: AbortSignal): Promise<number | string> => {
    try {
      const response = await fetch(INIT, { headers: id === null ? {} : { 'chatgpt-account-id': id }, signal });
      await response.text();
      return response.status;
    } catch (error) {
      return (error as { name?: string }).name === 'AbortError' ? 'aborted' : 'failed';
    }
  };
  const statuses: Array<number | string> = [];
  for (let index = 0; index < plan.ids.length; index++) {
    const id = plan.ids[index]!;
    statuses.push(await ask(id, plan.abortLast && index === plan.ids.length - 1 ? AbortSignal.abort() : undefined));
    if (plan.twice) statuses.push(await ask(id));
  }
  if (plan.thenUnnamed) statuses.push(await ask(null));
  return statuses;
}

interface StallWatch {
  last: number;
  longest: number;
  timer: ReturnType<typeof setInterval>;
}

/**
 * Starts a 10 ms interval that keeps the longest gap between two ticks (the page's main thread
 * held), then posts a turn and reads it; the watch runs on until stopStallWatch.
 */
export async function postTurnWatchingStalls(): Promise<number> {
  const watch: StallWatch = { last: performance.now(), longest: 0, timer: 0 as unknown as ReturnType<typeof setInterval> };
  watch.timer = setInterval(() => {
    const now = performance.now();
    watch.longest = Math.max(watch.longest, now - watch.last);
    watch.last = now;
  }, 10);
  (window as unknown as { stallWatch: StallWatch }).stallWatch = watch;
  const response = await fetch('/backend-api/f/conversation', { method: 'POST', body: '{}' });
  await response.text();
  return response.status;
}

/** Stops the watch; the longest gap, counting the one that may still be running. */
export function stopStallWatch(): number {
  const watch = (window as unknown as { stallWatch: StallWatch }).stallWatch;
  clearInterval(watch.timer);
  return Math.max(watch.longest, performance.now() - watch.last);
}
