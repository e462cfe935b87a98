import { accountKeyOf } from './account-key';
import { carrierOfPath, pathnameOfFetchInput, sideEndpointOfPath, type FetchCarrier, type SideEndpoint } from './quota-endpoints';
import { jsonValueOf } from './json-value';
import { findingFromCodexBody, findingFromInitBody } from './page-findings';
import type { PageFinding } from '../channel/page-channel';
import { accountIdOfRequest } from './request-account';
import { findingOf429, responsePlan } from './response-plan';
import { readAccountsCheck } from './side-responses';
import { createSseScanner, DEFAULT_MAX_EVENT_CHARS } from './sse-scanner';
import { createTurnEventReader } from './turn-events';

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
  /** Receives each finding with the opaque key of its account, when known. */
  report: (finding: PageFinding, account: string | null) => void;
  maxInitBytes?: number;
  maxEventChars?: number;
}

type Marked = typeof fetch & { [INSTALLED]?: true };
type Matched = { carrier: FetchCarrier; side: null } | { carrier: null; side: SideEndpoint };

async function readAll(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string | null> {
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
  const decoder = new TextDecoder();
  return chunks.map((chunk, index) => decoder.decode(chunk, { stream: index < chunks.length - 1 })).join('');
}

async function scanEvents(body: ReadableStream<Uint8Array>, onEvent: (data: string) => void, maxEventChars: number): Promise<void> {
  const reader = body.getReader();
  let finished = false;
  const scanner = createSseScanner((data) => {
    if (data === '[DONE]') finished = true;
    else onEvent(data);
  }, maxEventChars);
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

/** Installs the observer once per scope; returns the undo. */
export function installFetchObserver(options: FetchObserverOptions): () => void {
  const { scope } = options;
  const original = scope.fetch as Marked;
  if (typeof original !== 'function' || original[INSTALLED]) return () => undefined;
  // Taken now, before page code runs: a page that replaces or instruments these later must neither
  // break its own fetch through ours (Reflect.apply) nor see our calls among its own.
  const apply = Reflect.apply;
  const then = Promise.prototype.then;
  const clone = Response.prototype.clone;
  const cloneBody = (response: Response) => (apply(clone, response, []) as Response).body!;
  const maxInitBytes = options.maxInitBytes ?? MAX_INIT_BYTES;
  const maxEventChars = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
  let active = true;
  // The account this page works for, raw id kept here only; its key is what leaves the page.
  let pageAccountId: string | null = null;

  const keyOf = (rawId: string | null) => (rawId === null ? null : accountKeyOf(rawId));

  function learnAccount(rawId: string | null): void {
    if (rawId === null || rawId === pageAccountId) return;
    pageAccountId = rawId;
    options.report({ kind: 'account', carrier: 'account' }, keyOf(rawId));
  }

  async function readSide(response: Response): Promise<void> {
    const check = readAccountsCheck(jsonValueOf(await readAll(cloneBody(response), maxInitBytes)));
    if (!check) return;
    if (pageAccountId === null && check.accountIds.length === 1) learnAccount(check.accountIds[0] ?? null);
    const plan = check.planOf(pageAccountId);
    if (plan) options.report({ kind: 'plan', carrier: 'account', plan }, keyOf(pageAccountId));
  }

  async function readCarrier(response: Response, carrier: FetchCarrier, account: string | null): Promise<void> {
    const report = (finding: PageFinding) => options.report(finding, account);
    const plan = responsePlan(carrier, response.status, response.headers.get('content-type') ?? '');
    if (plan.read === 'nothing') return plan.diagnostic ? report({ kind: 'ignored', carrier, reason: plan.reason }) : undefined;
    // A JSON body that says it is over the bound is not cloned at all: teeing it would cost the page
    // (docs/performance.md, the 6 MB init). A compressed length over the bound means a larger body.
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (plan.read !== 'stream' && declared > maxInitBytes) return report({ kind: 'ignored', carrier, reason: 'body too large' });
    // Clone before the page can read: this reaction was registered before the page got the promise.
    const body = cloneBody(response);
    if (plan.read === 'stream') return scanEvents(body, createTurnEventReader(carrier, report), maxEventChars);
    const text = await readAll(body, maxInitBytes);
    if (plan.read === 'model-cap-json') return report(findingOf429(jsonValueOf(text), carrier));
    if (text === null) return report({ kind: 'ignored', carrier, reason: 'body too large' });
    report(plan.read === 'codex-json' ? findingFromCodexBody(text) : findingFromInitBody(text));
  }

  function matchOf(input: unknown): Matched | null {
    const pathname = pathnameOfFetchInput(input, options.baseUrl());
    if (pathname === null) return null;
    const carrier = carrierOfPath(pathname);
    if (carrier !== null) return { carrier, side: null };
    const side = sideEndpointOfPath(pathname);
    return side === null ? null : { carrier: null, side };
  }

  function watch(args: unknown[], result: unknown): void {
    if (!active || !(result instanceof Promise)) return;
    const matched = matchOf(args[0]);
    if (matched === null) return;
    const requestAccount = accountIdOfRequest(args[0], args[1]);
    learnAccount(requestAccount);
    const account = keyOf(requestAccount ?? pageAccountId);
    // Both handlers: a rejected fetch is the page's to handle; ours must not add a second rejection.
    apply(then, result, [
      (response: unknown) => {
        if (!(response instanceof Response) || response.bodyUsed || response.body === null) return;
        const reading = matched.carrier === null ? readSide(response) : readCarrier(response, matched.carrier, account);
        apply(then, reading, [undefined, () => undefined]);
      },
      () => undefined,
    ]);
  }

  // A method, like the native fetch: not a constructor (`new fetch()` throws) and no `prototype`.
  const observed = {
    fetch(this: unknown, ...args: Parameters<typeof globalThis.fetch>) {
      const result: unknown = apply(original, this, args);
      try {
        watch(args, result);
      } catch {
        // Observation is best effort; the page's call already happened and must not see our errors.
      }
      return result;
    },
  }.fetch as Marked;
  Object.defineProperty(observed, INSTALLED, { value: true });
  Object.defineProperty(observed, 'length', { value: original.length });
  // The build minifies the function expression's name ("_"): the page would see fetch.name change.
  Object.defineProperty(observed, 'name', { value: original.name });
  Object.defineProperty(observed, 'toString', { value: () => Function.prototype.toString.call(original) });
  scope.fetch = observed;

  return () => {
    active = false;
    // If the page wrapped fetch again on top of ours, leave its wrapper: ours now passes through.
    if (scope.fetch === observed) scope.fetch = original;
  };
}
