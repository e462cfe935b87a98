import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NON_QUOTA_TEXT, FIXTURE_PLACEHOLDERS } from './fixture-placeholders';
import { fixturesDir, fixtureText } from './fixtures';

/**
 * The fixtures live in the repository, so they must stay data: no auth token, cookie, e-mail
 * address, user message, title or status text of a real account (test/fixtures/README.md). Where a
 * capture's shape needs such a field, it holds one of the synthetic placeholders, and only those.
 */

/** Every file under test/fixtures but its README, as `folder/name`. */
const FILES = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) => readdirSync(path.join(fixturesDir, folder.name)).map((name) => `${folder.name}/${name}`))
  .sort();

const textOf = (file: string) => readFileSync(path.join(fixturesDir, file), 'utf8');

// Quotes may be JSON-escaped once (SSE text inside WebSocket frames): `\"role\"`.
const Q = String.raw`\\?"`;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
/** A string field named `key` whose value does not start with `placeholder` (and then matches `value`). */
const notPlaceholder = (key: string, placeholder: string, value = '') =>
  new RegExp(`${Q}${key}${Q}\\s*:\\s*${Q}(?!${escaped(placeholder)})${value}`);

const NEVER: [what: string, pattern: RegExp][] = [
  ['Authorization header or bearer token', /authorization|bearer\s/i],
  ['cookie', /cookie|session-token|__Secure-/i],
  ['e-mail address', /[\w.+-]+@[\w-]+\.[\w.-]+/],
  ["a user's message", new RegExp(`${Q}role${Q}\\s*:\\s*${Q}user${Q}|input_message`)],
  ['a JSON web token', /eyJ[\w-]+\.eyJ[\w-]+/],
  // Short made-up tokens (synthetic/stream_handoff's "resume-token") are plainly no account's.
  ['a long token other than the placeholder', notPlaceholder('token', FIXTURE_PLACEHOLDERS.resumeToken, String.raw`[\w.-]{24}`)],
  ['a generated title other than the placeholder', notPlaceholder('title', FIXTURE_PLACEHOLDERS.title)],
  ["a status card's title other than the placeholder", notPlaceholder('ui_card_title', FIXTURE_PLACEHOLDERS.cardTitle)],
  ["a status card's text other than the placeholder", notPlaceholder('ui_card_description', FIXTURE_PLACEHOLDERS.statusText)],
  // An image task id names the account's user (`…:user-<22+ characters>-…`).
  ['a user id other than the placeholder', new RegExp(`user-(?!${FIXTURE_PLACEHOLDERS.userId.slice(5)})[A-Za-z0-9]{16,}`)],
];

describe('fixtures are data only', () => {
  it('finds the fixture folders (real, synthetic, documented)', () => {
    expect(FILES.filter((file) => file.startsWith('real/')).length).toBeGreaterThanOrEqual(8);
    expect(FILES.some((file) => file.startsWith('synthetic/'))).toBe(true);
    expect(FILES.some((file) => file.startsWith('documented/'))).toBe(true);
  });

  describe.each(FILES)('%s', (file) => {
    it.each(NEVER)('holds no %s', (_what, pattern) => {
      expect(textOf(file)).not.toMatch(pattern);
    });
  });

  it.each([
    ['a real token', '{"token": "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"}'],
    ['an opaque token', '{"token": "a8Kq2mZx7Lw4Rt9Vb3Nc6Pd1Hs5Jf0"}'],
    ['a title', '{"type": "title_generation", "title": "My holiday plans"}'],
    ['an escaped title', String.raw`{\"title\": \"My holiday plans\"}`],
    ['a status card', '{"ui_card_title": "Przetwarzanie obrazu"}'],
    ['a user id in an image task id', '{"image_gen_task_id": "task:user-a8Kq2mZx7Lw4Rt9Vb3Nc6Pd1-123"}'],
  ])('the checks would catch %s', (_what, text) => {
    expect(NEVER.some(([, pattern]) => pattern.test(text))).toBe(true);
  });

  describe('the Plus image turn, where a token, a title and tool text were', () => {
    const turn = fixtureText('real', 'stream_image_gen_turn_plus_2026-04.sse.txt');

    it('holds the placeholders that the leak tests look for', () => {
      for (const placeholder of FIXTURE_NON_QUOTA_TEXT) expect(turn).toContain(placeholder);
    });

    it('keeps the captured token shape: three dot-separated base64url parts of 36, 298 and 86 characters', () => {
      const token = /"token": "([^"]*)"/.exec(turn)?.[1] ?? '';
      expect(token.split('.').map((part) => part.length)).toEqual([36, 298, 86]);
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    });
  });
});
