import { accountKeyOf } from './account-key';
import { carrierOfPath, pathnameOfFetchInput, sideEndpointOfPath, type FetchCarrier, type SideEndpoint } from './quota-endpoints';
import { jsonValueOf } from './json-value';
import { findingFromJsonBody } from './page-findings';
import type { PageFinding } from './page-message';
import { accountIdOfRequest } from './request-account';
import { findingOf429, responsePlan } from './response-plan';
import { readAccountsCheck } from './side-responses';
import { DEFAULT_MAX_EVENT_CHARS } from './sse-scanner';
import { DEFAULT_STREAM_BOUNDS, readAll, scanEvents, type StreamBounds } from './body-readers';
import { createTurnEventReader } from './turn-events';
import { showAsNative } from './native-text';
import { headersGet, promiseThen, responseBody, responseBodyUsed, responseClone, responseHeaders, responseStatus } from './page-natives';

/**
 * Wraps the page's fetch so that quota carriers can be read without the page noticing:
 * the page gets the very promise (and so the very Response, bytes, errors and abort behaviour)
 * that the original fetch returned. A matched body is read from a clone, whose tee branch is
 * read as fast as the network delivers it, so the page's own reading is never held back.
 * Nothing here may throw into the page.
 */

export const MAX_INIT_BYTES = 256 * 1024;
/** The scopes whose fetch this module wrapped: the mark stays here, never on an object the page sees. */
const installed = new WeakSet<object>();

interface FetchObserverOptions {
  /** The object whose `fetch` is wrapped (the page's window). */
  scope: { fetch: typeof fetch };
  /** The page's address, to resolve relative URLs. */
  baseUrl: () => string;
  /** Receives each finding with the opaque key of its account, when known. */
  report: (finding: PageFinding, account: string | null) => void;
  maxInitBytes?: number;
  maxEventChars?: number;
  /** Total bytes, inactivity bound and timers for turn streams (lib/page/body-readers.ts). */
  streamBounds?: StreamBounds;
}

type Matched = { carrier: FetchCarrier; side: null } | { carrier: null; side: SideEndpoint };

/** Installs the observer once per scope; returns the undo. */
export function installFetchObserver(options: FetchObserverOptions): () => void {
  const { scope } = options;
  const original = scope.fetch;
  if (typeof original !== 'function' || installed.has(scope)) return () => undefined;
  // Taken now, before page code runs: a page that replaces or instruments these later must neither
  // break its own fetch through ours (Reflect.apply) nor see our calls among its own (page-natives.ts).
  const { apply } = Reflect;
  const cloneBody = (response: Response) => responseBody(responseClone(response))!;
  const headerOf = (response: Response, name: string) => headersGet(responseHeaders(response), name);
  const maxInitBytes = options.maxInitBytes ?? MAX_INIT_BYTES;
  const maxEventChars = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
  const streamBounds = options.streamBounds ?? DEFAULT_STREAM_BOUNDS;
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
    const plan = responsePlan(carrier, responseStatus(response), headerOf(response, 'content-type') ?? '');
    if (plan.read === 'nothing') return plan.diagnostic ? report({ kind: 'ignored', carrier, reason: plan.reason }) : undefined;
    // A JSON body that says it is over the bound is not cloned at all: teeing it would cost the page
    // (docs/performance.md, the 6 MB init). A compressed length over the bound means a larger body.
    const declared = Number(headerOf(response, 'content-length') ?? Number.NaN);
    if (plan.read !== 'stream' && declared > maxInitBytes) return report({ kind: 'ignored', carrier, reason: 'body too large' });
    // Clone before the page can read: this reaction was registered before the page got the promise.
    const body = cloneBody(response);
    if (plan.read === 'stream') {
      const end = await scanEvents(body, createTurnEventReader(carrier, report), maxEventChars, streamBounds);
      if (end === 'too-large' || end === 'idle')
        report({ kind: 'ignored', carrier, reason: end === 'idle' ? 'stream idle' : 'stream too large' });
      return;
    }
    const text = await readAll(body, maxInitBytes);
    if (plan.read === 'model-cap-json') return report(findingOf429(jsonValueOf(text), carrier));
    if (text === null) return report({ kind: 'ignored', carrier, reason: 'body too large' });
    report(findingFromJsonBody(carrier, text));
  }

  function matchOf(input: unknown): Matched | null {
    const pathname = pathnameOfFetchInput(input, options.baseUrl());
    if (pathname === null) return null;
    const carrier = carrierOfPath(pathname);
    if (carrier !== null) return { carrier, side: null };
    const side = sideEndpointOfPath(pathname);
    return side === null ? null : { carrier: null, side };
  }

  function onResponse(matched: Matched, requestAccount: string | null, response: Response): void {
    const status = responseStatus(response);
    // An account is learned only from a 2xx answer to the request that named it: a made-up
    // header on a request the server refused moves nothing.
    const named = status >= 200 && status <= 299 ? requestAccount : null;
    learnAccount(named);
    if (responseBodyUsed(response) || responseBody(response) === null) return;
    const account = keyOf(named ?? pageAccountId);
    const reading = matched.carrier === null ? readSide(response) : readCarrier(response, matched.carrier, account);
    promiseThen(reading, undefined, () => undefined);
  }

  function watch(args: unknown[], result: Promise<Response>): void {
    if (!active) return;
    const matched = matchOf(args[0]);
    if (matched === null) return;
    const requestAccount = accountIdOfRequest(args[0], args[1]);
    // Both handlers: a rejected fetch is the page's to handle; ours must not add a second rejection.
    promiseThen(
      result,
      (response: Response) => {
        try {
          onResponse(matched, requestAccount, response);
        } catch {
          // Nothing of ours may reach the page, not even as an unhandled rejection.
        }
      },
      () => undefined,
    );
  }

  // A Proxy of the native fetch: name, length, own keys and symbols, prototype, toString (through
  // native-text.ts) and "not a constructor" are the original's.
  const observed: typeof fetch = new Proxy(original, {
    apply(target, thisArg, args: Parameters<typeof fetch>) {
      const result = apply(target, thisArg, args) as Promise<Response>;
      try {
        watch(args, result);
      } catch {
        // Observation is best effort; the page's call already happened and must not see our errors.
      }
      return result;
    },
  });
  const unshow = showAsNative(observed, original);
  installed.add(scope);
  scope.fetch = observed;

  return () => {
    active = false;
    // If the page wrapped fetch again on top of ours, leave its wrapper: ours now passes through.
    if (scope.fetch === observed) scope.fetch = original;
    unshow();
    installed.delete(scope);
  };
}
