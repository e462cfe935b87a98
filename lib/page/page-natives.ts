/**
 * The page's built-ins the interceptor uses, taken when this module is evaluated: at
 * document_start, before any page script runs. A page that later replaces or instruments one of
 * them (JSON.parse, Headers.prototype.get, a getter of URL or Request, String.prototype.includes,
 * Array.prototype.find, Object.keys, window.Promise) must neither see our calls among its own nor
 * change what we read. So every built-in called on a page call is one of these, called with
 * Reflect.apply; page objects are told apart by brand checks (a native getter that throws for
 * anything else), never by `instanceof`, which a Proxy's getPrototypeOf trap would see.
 */

// The helpers below only look (a descriptor, a bound call): marked free of side effects, so that a
// bundle keeps only the natives it uses. The relay imports a few through quota-fields.ts and would
// otherwise run all of them at every document_start (about 1.1 KB more code).
const { apply, getOwnPropertyDescriptor } = Reflect;
type Method<A extends unknown[], R> = (target: unknown, ...args: A) => R;

/**
 * `fn` called with its first argument as `this`: Function.prototype.call bound to it, with the
 * bind and call of now (as Node's primordials do). The bound function holds the natives
 * themselves, so nothing is looked up when it runs; and no argument list is allocated per call,
 * which matters on a stream's every line and event.
 */
const { bind, call } = Function.prototype;
const uncurried = /* @__NO_SIDE_EFFECTS__ */ <F>(fn: unknown): F => apply(bind, call, [fn]) as F;

/* @__NO_SIDE_EFFECTS__ */
function getterOf(owner: object | undefined, name: string): (target: object) => unknown {
  const get = owner ? getOwnPropertyDescriptor(owner, name)?.get : undefined;
  return get ? uncurried(get) : () => undefined;
}

/* @__NO_SIDE_EFFECTS__ */
function methodOf<A extends unknown[], R>(owner: object | undefined, name: string): Method<A, R> {
  const method = owner ? getOwnPropertyDescriptor(owner, name)?.value : undefined;
  return method ? uncurried(method) : ((() => undefined) as unknown as Method<A, R>);
}

const globals = globalThis as unknown as Record<string, unknown>;
const prototypeOf = /* @__NO_SIDE_EFFECTS__ */ (name: string): object | undefined => {
  const constructor = globals[name];
  return typeof constructor === 'function' ? (constructor.prototype as object) : undefined;
};

export const NativeURL: typeof URL | undefined = typeof URL === 'function' ? URL : undefined;
const NativePromise: PromiseConstructor = Promise;
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

export const arrayIncludes = methodOf<[unknown], boolean>(Array.prototype, 'includes');
export const regexExec = methodOf<[string], RegExpExecArray | null>(RegExp.prototype, 'exec');
export const push = methodOf<unknown[], number>(Array.prototype, 'push');
export const indexOfItem = methodOf<[unknown], number>(Array.prototype, 'indexOf');

// The WebSocket listener: only events the browser made count ([LegacyUnforgeable] isTrusted is an
// own getter of each event, the same function for all), read through getters taken now.
const isTrustedOwner = /* @__NO_SIDE_EFFECTS__ */ (): object | undefined => {
  const sample = typeof Event === 'function' ? new Event('') : undefined;
  return sample && getOwnPropertyDescriptor(sample, 'isTrusted') ? sample : prototypeOf('Event');
};
export const eventIsTrusted = getterOf(isTrustedOwner(), 'isTrusted') as (event: object) => boolean;
export const messageData = getterOf(prototypeOf('MessageEvent'), 'data') as (event: object) => unknown;
export const addListener = methodOf<[string, (event: object) => void], void>(prototypeOf('EventTarget'), 'addEventListener');
/** The document's base URL (a <base> element moves it), through Node's getter: document.baseURI is page-settable. */
export const baseUri = getterOf(prototypeOf('Node'), 'baseURI') as (node: object) => string;

/** BigInt and its toString, for the account key (account-key.ts): a page may replace either. */
export const NativeBigInt: BigIntConstructor = BigInt;
export const bigIntText = methodOf<[number], string>(prototypeOf('BigInt'), 'toString');

/**
 * A UTF-8 decoder of its own for each body or scanner (a shared one would mix the held-back bytes
 * of two bodies read at once), made with TextDecoder as it was at document_start. Its options are
 * records without a prototype: the browser reads `stream` from them, and a getter a page planted
 * on Object.prototype must not be called.
 */
const NativeTextDecoder = TextDecoder;
const decodeMethod = methodOf<[Uint8Array, { stream: boolean }], string>(prototypeOf('TextDecoder'), 'decode');
const STREAMING = { __proto__: null, stream: true } as unknown as { stream: boolean };
const WHOLE = { __proto__: null, stream: false } as unknown as { stream: boolean };
export function utf8Decoder(): (bytes: Uint8Array, stream: boolean) => string {
  const decoder = new NativeTextDecoder();
  return (bytes, stream) => decodeMethod(decoder, bytes, stream ? STREAMING : WHOLE);
}

// Byte arrays: their length and searches through %TypedArray%.prototype taken now; a part of one is
// a new view on its buffer, never subarray(), whose species lookup (bytes.constructor) a page can watch.
const typedArrayPrototype = /* @__PURE__ */ Object.getPrototypeOf(Uint8Array.prototype) as object;
export const NativeUint8Array: Uint8ArrayConstructor = Uint8Array;
export const byteLength = getterOf(typedArrayPrototype, 'byteLength') as (bytes: Uint8Array) => number;
export const byteOffset = getterOf(typedArrayPrototype, 'byteOffset') as (bytes: Uint8Array) => number;
export const bufferOf = getterOf(typedArrayPrototype, 'buffer') as (bytes: Uint8Array) => ArrayBuffer;
export const bytesIndexOf = methodOf<[number, number?], number>(typedArrayPrototype, 'indexOf');
export const setBytes = methodOf<[Uint8Array, number], void>(typedArrayPrototype, 'set');

type ReadResult = Promise<ReadableStreamReadResult<Uint8Array>>;
export const streamReader = methodOf<[ReadableStreamGetReaderOptions?], object>(prototypeOf('ReadableStream'), 'getReader');
const defaultReader = /* @__PURE__ */ prototypeOf('ReadableStreamDefaultReader');
export const readerRead = methodOf<[], ReadResult>(defaultReader, 'read');
export const readerCancel = methodOf<[], Promise<void>>(defaultReader, 'cancel');
// A byte stream's reader, which fills a buffer of ours (lib/page/body-readers.ts).
const byobReader = /* @__PURE__ */ prototypeOf('ReadableStreamBYOBReader');
export const byobRead = methodOf<[Uint8Array], ReadResult>(byobReader, 'read');
export const byobCancel = methodOf<[], Promise<void>>(byobReader, 'cancel');
/** Timers for the stream's inactivity bound, taken now: a page that replaces setTimeout must not stop or see them. */
export const pageTimers = {
  setTimeout: /* @__PURE__ */ globalThis.setTimeout.bind(globalThis) as (callback: () => void, ms: number) => unknown,
  clearTimeout: /* @__PURE__ */ globalThis.clearTimeout.bind(globalThis) as (handle: unknown) => void,
};
