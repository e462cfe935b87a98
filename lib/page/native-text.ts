/**
 * Function.prototype.toString of a Proxy prints "function () { [native code] }", so a wrapped
 * fetch would show itself; and a `toString` of our own on the Proxy would make
 * `fetch.toString !== Function.prototype.toString` and print our source. Instead, the one
 * Function.prototype.toString of the realm becomes a Proxy of itself that, for our Proxies (and
 * for itself), prints the text of the function each stands for; for any other value it is the
 * native call. Installed at document_start with the first wrapper, put back with the last undo.
 *
 * Not hidden (README promise 3): an error thrown through the trap (toString called on a
 * non-function) carries one more stack frame, ours.
 */

const { apply } = Reflect;
/** [proxy, original, proxy, original, ...]: a plain list searched by `===`, no method a page could replace. */
const stand: unknown[] = [];
let restore: (() => void) | null = null;

function originalOf(value: unknown): unknown {
  for (let index = 0; index < stand.length; index += 2) if (stand[index] === value) return stand[index + 1];
  return value;
}

/** Makes `proxy` print as `original`; returns the undo. */
export function showAsNative(proxy: object, original: object): () => void {
  const prototype = Function.prototype;
  if (restore === null) {
    const native = prototype.toString;
    const disguised = new Proxy(native, {
      apply: (target, thisArg, args) => apply(target, originalOf(thisArg), args) as string,
    });
    stand.push(disguised, native);
    // Same attributes as the original slot (writable, configurable, not enumerable).
    prototype.toString = disguised;
    restore = () => {
      if (prototype.toString === disguised) prototype.toString = native;
    };
  }
  stand.push(proxy, original);
  return () => {
    const at = stand.indexOf(proxy);
    if (at !== -1) stand.splice(at, 2);
    if (stand.length === 2) {
      restore?.();
      restore = null;
      stand.length = 0;
    }
  };
}
