import { describe, expect, it } from 'vitest';
import { accountIdOfRequest } from '../../../lib/page/request-account';

/** The account a request is made for: the chatgpt-account-id header only, in every form fetch takes. */

const ID = 'd2c7a1e0-5b7f-4a8e-9c11-3f0e2b6a9d41';
const URL_TEXT = 'https://chatgpt.com/backend-api/conversation/init';

describe('accountIdOfRequest', () => {
  it.each<[string, unknown, unknown, string | null]>([
    ['init headers as an object', URL_TEXT, { headers: { 'chatgpt-account-id': ID } }, ID],
    ['an object key in another case', URL_TEXT, { headers: { 'CHATGPT-ACCOUNT-ID': ID } }, ID],
    [
      'an array of pairs',
      URL_TEXT,
      {
        headers: [
          ['Accept', '*/*'],
          ['chatgpt-account-id', ID],
        ],
      },
      ID,
    ],
    ['an array pair in another case', URL_TEXT, { headers: [['ChatGPT-Account-ID', ID]] }, ID],
    ['a Headers object', URL_TEXT, { headers: new Headers({ 'chatgpt-account-id': ID }) }, ID],
    ['a Request input', new Request(URL_TEXT, { headers: { 'chatgpt-account-id': ID } }), undefined, ID],
    ['a Request input and init without headers', new Request(URL_TEXT, { headers: { 'chatgpt-account-id': ID } }), { method: 'POST' }, ID],
    [
      'init wins over the Request',
      new Request(URL_TEXT, { headers: { 'chatgpt-account-id': 'other' } }),
      { headers: { 'chatgpt-account-id': ID } },
      ID,
    ],
    ['spaces around the value', URL_TEXT, { headers: { 'chatgpt-account-id': `  ${ID} ` } }, ID],
    ['200 characters', URL_TEXT, { headers: { 'chatgpt-account-id': 'x'.repeat(200) } }, 'x'.repeat(200)],
    ['no init', URL_TEXT, undefined, null],
    ['init null', URL_TEXT, null, null],
    ['init not an object', URL_TEXT, 'headers', null],
    ['headers null', URL_TEXT, { headers: null }, null],
    ['other headers only', URL_TEXT, { headers: { Authorization: 'Bearer SECRET' } }, null],
    ['an empty value', URL_TEXT, { headers: { 'chatgpt-account-id': '' } }, null],
    ['only spaces', URL_TEXT, { headers: { 'chatgpt-account-id': '   ' } }, null],
    ['201 characters', URL_TEXT, { headers: { 'chatgpt-account-id': 'x'.repeat(201) } }, null],
    ['a value that is not a string', URL_TEXT, { headers: { 'chatgpt-account-id': 42 } }, null],
    ['headers as a string', URL_TEXT, { headers: 'chatgpt-account-id: x' }, null],
    ['a URL input carries no headers', new URL(URL_TEXT), undefined, null],
  ])('%s', (_name, input, init, expected) => {
    expect(accountIdOfRequest(input, init)).toBe(expected);
  });

  it('headers behind a getter are not read (the native fetch read them; a second read would show), and nothing throws', () => {
    const init = {
      get headers(): unknown {
        throw new Error('hostile');
      },
    };
    expect(accountIdOfRequest(URL_TEXT, init)).toBeNull();
  });

  it("uses the built-in Headers get, never the page's override, and finds the account", () => {
    const asked: string[] = [];
    class Recording extends Headers {
      override get(name: string): string | null {
        asked.push(name);
        return super.get(name);
      }
    }
    expect(accountIdOfRequest(URL_TEXT, { headers: new Recording({ Authorization: 'Bearer SECRET', 'chatgpt-account-id': ID }) })).toBe(ID);
    expect(asked).toEqual([]);
  });
});
