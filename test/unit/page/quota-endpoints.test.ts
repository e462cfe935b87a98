import { describe, expect, it } from 'vitest';
import { carrierOfPath, pathnameOfFetchInput } from '../../../lib/page/quota-endpoints';

/**
 * Which fetches are looked at: carrier paths on chatgpt.com and chat.openai.com only, whatever
 * form the page gives the URL in; anything else (other hosts with the same paths included) is not.
 */

const BASE = 'https://chatgpt.com/c/abc';

describe('pathnameOfFetchInput', () => {
  it.each([
    ['an absolute chatgpt.com URL', 'https://chatgpt.com/backend-api/conversation/init?x=1', '/backend-api/conversation/init'],
    ['chat.openai.com', 'https://chat.openai.com/backend-api/f/conversation', '/backend-api/f/conversation'],
    ['a relative path', '/backend-anon/conversation/init', '/backend-anon/conversation/init'],
    ['a relative path without the slash', 'backend-api/conversation/init', '/c/backend-api/conversation/init'],
    ['a URL object', new URL('https://chatgpt.com/backend-api/conversation/init'), '/backend-api/conversation/init'],
    ['a Request', new Request('https://chatgpt.com/backend-api/f/conversation', { method: 'POST' }), '/backend-api/f/conversation'],
    ['the same path on another host', 'https://evil.example/backend-api/conversation/init', null],
    ['the same path on a chatgpt.com look-alike', 'https://chatgpt.com.evil.example/backend-api/conversation/init', null],
    ['another chatgpt.com subdomain', 'https://files.chatgpt.com/backend-api/conversation/init', null],
    ['plain http', 'http://chatgpt.com/backend-api/conversation/init', null],
    ['a protocol-relative other host', '//evil.example/backend-api/conversation/init', null],
    ['an unrelated path', 'https://chatgpt.com/ces/v1/t', null],
    ['an object with a toString (never called)', { toString: () => 'https://chatgpt.com/backend-api/conversation/init' }, null],
    ['a number', 42, null],
  ])('%s', (_name, input, expected) => {
    expect(pathnameOfFetchInput(input, BASE)).toBe(expected);
  });

  it('rejects a URL without the path mark before building a URL object', () => {
    const Built = globalThis.URL;
    let built = 0;
    // The module took URL at load; counting constructions of the global shows none is made here.
    globalThis.URL = class extends Built {
      constructor(...args: ConstructorParameters<typeof URL>) {
        super(...args);
        built += 1;
      }
    } as typeof URL;
    try {
      for (let index = 0; index < 1000; index++) pathnameOfFetchInput(`https://chatgpt.com/ces/v1/t?i=${index}`, BASE);
    } finally {
      globalThis.URL = Built;
    }
    expect(built).toBe(0);
  });

  it('carrierOfPath keeps its table', () => {
    expect(carrierOfPath('/backend-api/conversation/init/')).toBe('init');
    expect(carrierOfPath('/backend-api/f/conversation/resume')).toBe('resume');
    expect(carrierOfPath('/backend-api/conversations')).toBeNull();
  });
});
