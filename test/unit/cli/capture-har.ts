import { fixtureText } from '../fixtures';

/**
 * A HAR 1.2 capture of a chatgpt.com session, built from the fixtures, with the private things a
 * real capture holds (bearer token, cookies, the user's e-mail, message text, a chat title) in
 * the places a browser puts them. Entries that are no quota carrier come first and in between.
 */

export const SECRETS = {
  token: 'eyJhbGciOiJSUzI1NiJ9.private-session-token.sig',
  cookie: 'private-cookie-value-5f2c',
  email: 'private.person@example.org',
  message: 'Paint my private garden plans for Tuesday',
  title: 'Private Garden Plans',
} as const;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Entry N starts at 10:00:0N UTC on 2026-09-15, so each reading's time tells its entry. */
export function startedAt(entry: number): string {
  return `2026-09-15T10:00:${String(entry).padStart(2, '0')}.000Z`;
}

interface Body {
  status?: number;
  mimeType: string;
  text?: string;
  encoding?: 'base64';
}

function entry(number: number, method: string, url: string, body: Body, postData?: string): unknown {
  const { status = 200, mimeType, ...content } = body;
  return {
    startedDateTime: startedAt(number),
    time: 120,
    request: {
      method,
      url,
      httpVersion: 'HTTP/2',
      headers: [
        { name: 'Authorization', value: `Bearer ${SECRETS.token}` },
        { name: 'Cookie', value: `__Secure-next-auth.session-token=${SECRETS.cookie}` },
      ],
      cookies: [{ name: '__Secure-next-auth.session-token', value: SECRETS.cookie }],
      queryString: [],
      ...(postData === undefined ? {} : { postData: { mimeType: 'application/json', text: postData } }),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/2',
      headers: [
        { name: 'Content-Type', value: mimeType },
        { name: 'Set-Cookie', value: `__cf_bm=${SECRETS.cookie}; path=/; secure` },
      ],
      cookies: [{ name: '__cf_bm', value: SECRETS.cookie }],
      content: { size: -1, mimeType, ...content },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 100, receive: 20 },
  };
}

const SSE = 'text/event-stream; charset=utf-8';
const JSON_TYPE = 'application/json';
const turnRequest = JSON.stringify({ action: 'next', messages: [{ content: { parts: [SECRETS.message] } }] });

/** A turn whose stream holds the user's message and a title before the CDM of the cap-reached fixture. */
function privateTurn(): string {
  const message = JSON.stringify({ type: 'input_message', input_message: { content: { content_type: 'text', parts: [SECRETS.message] } } });
  const title = JSON.stringify({ type: 'title_generation', title: SECRETS.title });
  return `data: ${message}\n\ndata: ${title}\n\n${fixtureText('real', 'stream_cdm_cap_reached_free_2026-09.sse.txt')}\ndata: [DONE]\n\n`;
}

/** The entries, numbered from 1 as the inspector counts them. */
export function captureHar(): unknown {
  const refusal = fixtureText('synthetic', 'tool_image_quota_refusal_en.json').trim();
  const entries = [
    entry(1, 'GET', 'https://chatgpt.com/backend-api/me', {
      mimeType: JSON_TYPE,
      text: JSON.stringify({ email: SECRETS.email, name: 'Private Person' }),
    }),
    entry(
      2,
      'POST',
      'https://chatgpt.com/backend-api/conversation/init',
      { mimeType: JSON_TYPE, text: fixtureText('real', 'init_blocked_file_upload_model_limits_2026-09.json') },
      '{"conversation_id":null}',
    ),
    entry(
      3,
      'POST',
      'https://chatgpt.com/backend-api/f/conversation',
      { mimeType: SSE, text: base64(fixtureText('real', 'stream_image_gen_turn_plus_2026-04.sse.txt')), encoding: 'base64' },
      turnRequest,
    ),
    entry(4, 'GET', 'https://chatgpt.com/backend-api/models?iim=false', { mimeType: JSON_TYPE, text: '{"models":[]}' }),
    entry(5, 'POST', 'https://chatgpt.com/backend-api/f/conversation', { mimeType: SSE, text: privateTurn() }, turnRequest),
    entry(
      6,
      'POST',
      'https://chatgpt.com/backend-api/conversation',
      { status: 429, mimeType: JSON_TYPE, text: fixtureText('real', 'http429_model_cap_exceeded_legacy.json') },
      turnRequest,
    ),
    entry(7, 'POST', 'https://chatgpt.com/backend-anon/conversation/init?source=home', {
      mimeType: JSON_TYPE,
      text: base64(fixtureText('real', 'init_pro_without_type_2026-09.json')),
      encoding: 'base64',
    }),
    entry(8, 'POST', 'https://chatgpt.com/backend-api/f/conversation/resume', { mimeType: JSON_TYPE, text: '{}' }),
    entry(9, 'POST', 'https://chatgpt.com/backend-api/conversation/init', { status: 500, mimeType: JSON_TYPE, text: '{"detail":"oops"}' }),
    entry(10, 'POST', 'https://chatgpt.com/backend-api/f/conversation', { mimeType: SSE }, turnRequest),
    entry(
      11,
      'POST',
      'https://chatgpt.com/backend-api/f/conversation/',
      { mimeType: SSE, text: `data: ${refusal}\n\ndata: [DONE]\n\n` },
      turnRequest,
    ),
    entry(12, 'POST', '/backend-api/f/conversation/resume', {
      mimeType: SSE,
      text: fixtureText('real', 'stream_cdm_cap_reached_free_2026-09.sse.txt'),
    }),
  ];
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, pages: [], entries } };
}
