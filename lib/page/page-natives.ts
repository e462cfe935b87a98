/**
 * The page's built-ins the interceptor uses, taken when this module is evaluated: at
 * document_start, before any page script runs. A page that later replaces or instruments one of
 * them (JSON.parse, Headers.prototype.get, a getter of URL or Request, window.Promise) must
 * neither see our calls among its own nor change what we read. `instanceof` with a constructor
 * taken here is safe too: a constructor's `prototype` and Function.prototype[Symbol.hasInstance]
 * cannot be redefined.
 */

const { apply, getOwnPropertyDescriptor } = Reflect;

function getterOf(constructor: { prototype: object } | undefined, name: string): (target: object) => unknown {
  const get = constructor ? getOwnPropertyDescriptor(constructor.prototype, name)?.get : undefined;
  return get ? (target) => apply(get, target, []) : () => undefined;
}

function methodOf<T extends unknown[]>(
  constructor: { prototype: object } | undefined,
  name: string,
): (target: object, ...args: T) => unknown {
  const method = constructor
    ? (getOwnPropertyDescriptor(constructor.prototype, name)?.value as ((...args: T) => unknown) | undefined)
    : undefined;
  return method ? (target, ...args) => apply(method, target, args) : () => undefined;
}

const has = (name: string) => typeof (globalThis as Record<string, unknown>)[name] === 'function';

export const NativeURL: typeof URL | undefined = has('URL') ? URL : undefined;
export const NativeRequest: typeof Request | undefined = has('Request') ? Request : undefined;
export const NativeHeaders: typeof Headers | undefined = has('Headers') ? Headers : undefined;
export const NativePromise: PromiseConstructor = Promise;
export const parseJson: (text: string) => unknown = JSON.parse;
export const urlHref = getterOf(NativeURL, 'href') as (url: URL) => string;
export const urlOrigin = getterOf(NativeURL, 'origin') as (url: URL) => string;
export const urlPathname = getterOf(NativeURL, 'pathname') as (url: URL) => string;
export const requestUrl = getterOf(NativeRequest, 'url') as (request: Request) => string;
export const requestHeaders = getterOf(NativeRequest, 'headers') as (request: Request) => Headers;
export const headersGet = methodOf<[string]>(NativeHeaders, 'get') as (headers: Headers, name: string) => string | null;
/** A property's own value, without calling a getter (a page could count the calls); undefined for a getter. */
export function ownDataValue(target: object, key: string): unknown {
  const descriptor = getOwnPropertyDescriptor(target, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

export const NativeResponse: typeof Response | undefined = has('Response') ? Response : undefined;
export const responseStatus = getterOf(NativeResponse, 'status') as (response: Response) => number;
export const responseHeaders = getterOf(NativeResponse, 'headers') as (response: Response) => Headers;
export const responseBodyUsed = getterOf(NativeResponse, 'bodyUsed') as (response: Response) => boolean;
export const responseClone = methodOf<[]>(NativeResponse, 'clone') as (response: Response) => Response;
export const responseBody = getterOf(NativeResponse, 'body') as (response: Response) => ReadableStream<Uint8Array> | null;
export const promiseThen = methodOf<[unknown, unknown]>(NativePromise, 'then') as (
  promise: Promise<unknown>,
  onFulfilled: unknown,
  onRejected: unknown,
) => Promise<unknown>;

type Reader = ReadableStreamDefaultReader<Uint8Array>;
const NativeStream: typeof ReadableStream | undefined = has('ReadableStream') ? ReadableStream : undefined;
const NativeReader = has('ReadableStreamDefaultReader')
  ? (globalThis as unknown as { ReadableStreamDefaultReader: { prototype: object } }).ReadableStreamDefaultReader
  : undefined;
export const streamReader = methodOf<[]>(NativeStream, 'getReader') as (stream: ReadableStream<Uint8Array>) => Reader;
export const readerRead = methodOf<[]>(NativeReader, 'read') as (reader: Reader) => Promise<ReadableStreamReadResult<Uint8Array>>;
export const readerCancel = methodOf<[]>(NativeReader, 'cancel') as (reader: Reader) => Promise<void>;
/** Timers for the stream's inactivity bound, taken now: a page that replaces setTimeout must not stop or see them. */
export const pageTimers = {
  setTimeout: globalThis.setTimeout.bind(globalThis) as (callback: () => void, ms: number) => unknown,
  clearTimeout: globalThis.clearTimeout.bind(globalThis) as (handle: unknown) => void,
};
