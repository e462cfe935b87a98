/**
 * The page's built-ins the interceptor uses, taken when this module is evaluated: at
 * document_start, before any page script runs. A page that later replaces or instruments one of
 * them (JSON.parse, Headers.prototype.get, a getter of URL or Request, String.prototype.includes,
 * Array.prototype.find, Object.keys, window.Promise) must neither see our calls among its own nor
 * change what we read. So every built-in called on a page call is one of these, called with
 * Reflect.apply; page objects are told apart by brand checks (a native getter that throws for
 * anything else), never by `instanceof`, which a Proxy's getPrototypeOf trap would see.
 */

const { apply, getOwnPropertyDescriptor } = Reflect;
type Method<A extends unknown[], R> = (target: unknown, ...args: A) => R;

function getterOf(owner: object | undefined, name: string): (target: object) => unknown {
  const get = owner ? getOwnPropertyDescriptor(owner, name)?.get : undefined;
  return get ? (target) => apply(get, target, []) : () => undefined;
}

function methodOf<A extends unknown[], R>(owner: object | undefined, name: string): Method<A, R> {
  const method = owner ? (getOwnPropertyDescriptor(owner, name)?.value as ((...args: A) => R) | undefined) : undefined;
  return method ? (target, ...args) => apply(method, target, args) : ((() => undefined) as unknown as Method<A, R>);
}

const globals = globalThis as unknown as Record<string, unknown>;
const prototypeOf = (name: string): object | undefined => {
  const constructor = globals[name];
  return typeof constructor === 'function' ? (constructor.prototype as object) : undefined;
};

export const NativeURL: typeof URL | undefined = typeof URL === 'function' ? URL : undefined;
export const NativePromise: PromiseConstructor = Promise;
export const parseJson: (text: string, reviver?: (key: string, value: unknown) => unknown) => unknown = JSON.parse;
export const { isArray } = Array;
export const { keys: ownKeys, setPrototypeOf } = Object;

export const urlHref = getterOf(prototypeOf('URL'), 'href') as (url: URL) => string;
export const urlOrigin = getterOf(prototypeOf('URL'), 'origin') as (url: URL) => string;
export const urlPathname = getterOf(prototypeOf('URL'), 'pathname') as (url: URL) => string;
export const requestUrl = getterOf(prototypeOf('Request'), 'url') as (request: Request) => string;
export const requestHeaders = getterOf(prototypeOf('Request'), 'headers') as (request: Request) => Headers;
export const headersGet = methodOf<[string], string | null>(prototypeOf('Headers'), 'get');
export const responseStatus = getterOf(prototypeOf('Response'), 'status') as (response: Response) => number;
export const responseHeaders = getterOf(prototypeOf('Response'), 'headers') as (response: Response) => Headers;
export const responseBodyUsed = getterOf(prototypeOf('Response'), 'bodyUsed') as (response: Response) => boolean;
export const responseClone = methodOf<[], Response>(prototypeOf('Response'), 'clone');
export const responseBody = getterOf(prototypeOf('Response'), 'body') as (response: Response) => ReadableStream<Uint8Array> | null;
export const promiseThen = methodOf<[unknown, unknown], Promise<unknown>>(NativePromise.prototype, 'then');

/** Whether `value` is a built-in object that `read` (a native getter or method) accepts: a brand check no page object can pass or watch. */
export function hasBrand(read: (target: never, ...rest: never[]) => unknown, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    read(value as never);
    return true;
  } catch {
    return false;
  }
}

/** A property's own value, without calling a getter (a page could count the calls); undefined for a getter. */
export function ownDataValue(target: object, key: string): unknown {
  const descriptor = getOwnPropertyDescriptor(target, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

// String and array methods: page values (a URL, a header name) and our own arrays alike are
// searched through these, since a page can replace String.prototype.includes and count the calls.
const stringPrototype = String.prototype;
export const includes = methodOf<[string, number?], boolean>(stringPrototype, 'includes');
export const startsWith = methodOf<[string], boolean>(stringPrototype, 'startsWith');
export const endsWith = methodOf<[string], boolean>(stringPrototype, 'endsWith');
export const indexOf = methodOf<[string, number?], number>(stringPrototype, 'indexOf');
export const slice = methodOf<[number, number?], string>(stringPrototype, 'slice');
export const toLowerCase = methodOf<[], string>(stringPrototype, 'toLowerCase');
export const trim = methodOf<[], string>(stringPrototype, 'trim');
export const charCodeAt = methodOf<[number], number>(stringPrototype, 'charCodeAt');
/** BigInt and its toString, for the opaque keys (lib/page/account-key.ts): the page can replace either. */
export const NativeBigInt: BigIntConstructor = BigInt;
export const bigintToString = methodOf<[number], string>(NativeBigInt.prototype, 'toString');
export const arrayIncludes = methodOf<[unknown], boolean>(Array.prototype, 'includes');
export const regexExec = methodOf<[string], RegExpExecArray | null>(RegExp.prototype, 'exec');
export const push = methodOf<unknown[], number>(Array.prototype, 'push');
export const indexOfItem = methodOf<[unknown], number>(Array.prototype, 'indexOf');

// The WebSocket listener: only events the browser made count ([LegacyUnforgeable] isTrusted is an
// own getter of each event, the same function for all), read through getters taken now.
const sampleEvent = typeof Event === 'function' ? new Event('') : undefined;
export const eventIsTrusted = getterOf(
  sampleEvent && getOwnPropertyDescriptor(sampleEvent, 'isTrusted') ? sampleEvent : prototypeOf('Event'),
  'isTrusted',
) as (event: object) => boolean;
export const messageData = getterOf(prototypeOf('MessageEvent'), 'data') as (event: object) => unknown;
export const addListener = methodOf<[string, (event: object) => void], void>(prototypeOf('EventTarget'), 'addEventListener');
/** The document's base URL (a <base> element moves it), through Node's getter: document.baseURI is page-settable. */
export const baseUri = getterOf(prototypeOf('Node'), 'baseURI') as (node: object) => string;

/** A decoder made now and its decode: a page that replaces TextDecoder later must not see our bodies decoded. */
const decoder = typeof TextDecoder === 'function' ? new TextDecoder() : undefined;
const decodeMethod = methodOf<[Uint8Array, { stream: boolean }], string>(prototypeOf('TextDecoder'), 'decode');
export const decodeUtf8 = (bytes: Uint8Array, stream: boolean): string => decodeMethod(decoder, bytes, { stream });
/** Uint8Array's byteLength, through %TypedArray%.prototype's getter. */
export const byteLength = getterOf(
  typeof Uint8Array === 'function' ? Object.getPrototypeOf(Uint8Array.prototype) : undefined,
  'byteLength',
) as (bytes: Uint8Array) => number;

type Reader = ReadableStreamDefaultReader<Uint8Array>;
export const streamReader = methodOf<[], Reader>(prototypeOf('ReadableStream'), 'getReader');
export const readerRead = methodOf<[], Promise<ReadableStreamReadResult<Uint8Array>>>(prototypeOf('ReadableStreamDefaultReader'), 'read');
export const readerCancel = methodOf<[], Promise<void>>(prototypeOf('ReadableStreamDefaultReader'), 'cancel');
/** Timers for the stream's inactivity bound, taken now: a page that replaces setTimeout must not stop or see them. */
export const pageTimers = {
  setTimeout: globalThis.setTimeout.bind(globalThis) as (callback: () => void, ms: number) => unknown,
  clearTimeout: globalThis.clearTimeout.bind(globalThis) as (handle: unknown) => void,
};
