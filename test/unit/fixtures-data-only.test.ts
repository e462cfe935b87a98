import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PRIVATE_TEXT } from './cli/capture-har';
import { fixturesDir } from './fixtures';

/**
 * The fixtures live in the repository, so they must stay data: no auth token, cookie, e-mail
 * address, user message or title (test/fixtures/README.md). One file is the deliberate, listed
 * exception: the whole Plus image turn keeps its stream's resume token, generated title and tool
 * status text, which the CLI tests use as the private strings that must never come out.
 */

const EXCEPTION = 'real/stream_image_gen_turn_plus_2026-04.sse.txt';

/** Every file under test/fixtures but its README, as `folder/name`. */
const FILES = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) => readdirSync(path.join(fixturesDir, folder.name)).map((name) => `${folder.name}/${name}`))
  .sort();

const textOf = (file: string) => readFileSync(path.join(fixturesDir, file), 'utf8');

// Quotes may be JSON-escaped once (SSE text inside WebSocket frames): `\"role\"`.
const Q = String.raw`\\?"`;
const NEVER: [what: string, pattern: RegExp][] = [
  ['Authorization header or bearer token', /authorization|bearer\s/i],
  ['cookie', /cookie|session-token|__Secure-/i],
  ['e-mail address', /[\w.+-]+@[\w-]+\.[\w.-]+/],
  ["a user's message", new RegExp(`${Q}role${Q}\\s*:\\s*${Q}user${Q}|input_message`)],
];
const EXCEPTION_ONLY: [what: string, pattern: RegExp][] = [
  ['a JSON web token', /eyJ[\w-]+\.eyJ[\w-]+/],
  ['a generated title', /title_generation/],
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

    it.each(EXCEPTION_ONLY)('holds %s only if it is the listed exception', (_what, pattern) => {
      if (file !== EXCEPTION) expect(textOf(file)).not.toMatch(pattern);
    });
  });

  it('the exception still holds what the CLI tests use as private text', () => {
    const text = textOf(EXCEPTION);
    for (const privateText of FIXTURE_PRIVATE_TEXT) expect(text).toContain(privateText);
  });
});
