import { carrierOfPath, pathnameOfFetchInput, type FetchCarrier } from './quota-endpoints';
import { findingFromEventData, findingFromInitBody } from './page-findings';
import type { PageFinding } from './page-channel';
import { createSseScanner, DEFAULT_MAX_EVENT_CHARS } from './sse-scanner';

/**
 * Wraps the page's fetch so that quota carriers can be read without the page noticing:
 * the page gets the very promise (and so the very Response, bytes, errors and abort behaviour)
 * that the original fetch returned. A matched body is read from a clone, whose tee branch is
 * read as fast as the network delivers it, so the page's own reading is never held back.
 * Nothing here may throw into the page.
 */

export const MAX_INIT_BYTES = 256 * 1024;
const INSTALLED = Symbol.for('quota-meter.fetch-observer');

export interface FetchObserverOptions {
  /** The object whose `fetch` is wrapped (the page's window). */
  scope: { fetch: typeof fetch };
  /** The page's address, to resolve relative URLs. */
  baseUrl: () => string;
  report: (finding: PageFinding) => void;
  maxInitBytes?: number;
  maxEventChars?: number;
}

type Marked = typeof fetch & { [INSTALLED]?: true };

async function readAll(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function scanEvents(body: ReadableStream<Uint8Array>, carrier: FetchCarrier, options: FetchObserverOptions): Promise<void> {
  const reader = body.getReader();
  let finished = false;
  const scanner = createSseScanner((data) => {
    if (data === '[DONE]') finished = true;
    const finding = findingFromEventData(data, carrier);
    if (finding) options.report(finding);
  }, options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    scanner.push(value);
    if (finished) {
      // Nothing comes after [DONE]; stop holding the branch open.
      await reader.cancel();
      return;
    }
  }
  scanner.end();
}

async function readCarrier(response: unknown, carrier: FetchCarrier, options: FetchObserverOptions): Promise<void> {
  if (!(response instanceof Response)) return;
  if (!response.ok) return options.report({ kind: 'ignored', carrier, reason: `HTTP ${response.status}` });
  const isStream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  if (carrier !== 'init' && !isStream) return;
  if (response.bodyUsed || response.body === null) return;
  // Clone before the page can read: this reaction was registered before the page got the promise.
  const body = response.clone().body;
  if (body === null) return;
  if (carrier !== 'init') return scanEvents(body, carrier, options);
  const bytes = await readAll(body, options.maxInitBytes ?? MAX_INIT_BYTES);
  if (bytes === null) return options.report({ kind: 'ignored', carrier, reason: 'body too large' });
  options.report(findingFromInitBody(new TextDecoder().decode(bytes)));
}

/** Installs the observer once per scope; returns the undo. */
export function installFetchObserver(options: FetchObserverOptions): () => void {
  const { scope } = options;
  const original = scope.fetch as Marked;
  if (typeof original !== 'function' || original[INSTALLED]) return () => undefined;
  let active = true;

  function watch(input: unknown, result: unknown): void {
    if (!active || !(result instanceof Promise)) return;
    const pathname = pathnameOfFetchInput(input, options.baseUrl());
    const carrier = pathname === null ? null : carrierOfPath(pathname);
    if (carrier === null) return;
    // Both handlers: a rejected fetch is the page's to handle; ours must not add a second rejection.
    result.then(
      (response) => readCarrier(response, carrier, options).catch(() => undefined),
      () => undefined,
    );
  }

  const observed = function fetch(this: unknown, ...args: Parameters<typeof globalThis.fetch>) {
    const result: unknown = Reflect.apply(original, this, args);
    try {
      watch(args[0], result);
    } catch {
      // Observation is best effort; the page's call already happened and must not see our errors.
    }
    return result;
  } as Marked;
  Object.defineProperty(observed, INSTALLED, { value: true });
  Object.defineProperty(observed, 'length', { value: original.length });
  Object.defineProperty(observed, 'toString', { value: () => Function.prototype.toString.call(original) });
  scope.fetch = observed;

  return () => {
    active = false;
    // If the page wrapped fetch again on top of ours, leave its wrapper: ours now passes through.
    if (scope.fetch === observed) scope.fetch = original;
  };
}
