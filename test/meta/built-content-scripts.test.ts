import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The built content scripts, as a browser gets them: they load on every chatgpt.com page, so none
 * carries zod (the background validates every message with the full schemas), the MAIN-world
 * interceptor stays small, and all of them together stay within the page's byte budget
 * (issue 14: 20 KB gzip -9, chip off). Run after `npm run build` and `npm run build:firefox`
 * (npm test does: `npm run test:built`).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUTPUT = path.resolve(ROOT, process.env.QUOTA_METER_OUT_DIR ?? '.output');
/** 11.7 kB when the budget was set (November 2026); the headroom is for the carriers still to come. */
const BUDGET_BYTES = 16 * 1024;
/** Every content script of a chatgpt.com page, gzip -9, in all (docs/performance.md). */
const PAGE_BUDGET_GZIP_BYTES = 20_000;
/** What webextension-polyfill leaves in a bundle: its table of each API's argument counts. */
const POLYFILL_MARKERS = /minArgs|api-metadata\.json/;
/** What zod 4 leaves in any bundle that holds a schema: its internals' property and class names. */
const ZOD_MARKERS = /_zod\b|\$Zod|ZodError/;

interface Manifest {
  content_scripts?: Array<{ js?: string[] }>;
}

function contentScripts(target: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(OUTPUT, target, 'manifest.json'), 'utf8')) as Manifest;
  return (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []).map((file) => path.join(OUTPUT, target, file));
}

describe.each(['chrome-mv3', 'firefox-mv2'])('the %s content scripts', (target) => {
  const built = existsSync(path.join(OUTPUT, target, 'manifest.json'));
  const interceptor = path.join(OUTPUT, target, 'content-scripts/interceptor.js');

  it('were built', () => {
    expect(built, `${target} is missing: run \`npm run build\` and \`npm run build:firefox\` first`).toBe(true);
    expect(contentScripts(target)).toContain(interceptor);
  });

  it.runIf(built)('carry no zod', () => {
    for (const file of contentScripts(target)) expect(readFileSync(file, 'utf8'), file).not.toMatch(ZOD_MARKERS);
  });

  it.runIf(built)('the relay carries no webextension-polyfill (wxt.config.ts gives it the native browser)', () => {
    const relay = path.join(OUTPUT, target, 'content-scripts/relay.js');
    expect(readFileSync(relay, 'utf8')).not.toMatch(POLYFILL_MARKERS);
  });

  it.runIf(built)(`the interceptor stays under ${BUDGET_BYTES} bytes`, () => {
    expect(readFileSync(interceptor).byteLength).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it.runIf(built)(`together weigh at most ${PAGE_BUDGET_GZIP_BYTES} bytes gzip -9`, () => {
    const sizes = contentScripts(target).map((file) => gzipSync(readFileSync(file), { level: 9 }).byteLength);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(PAGE_BUDGET_GZIP_BYTES);
  });
});

describe('the polyfill markers', () => {
  it('are found in the background, which does use the polyfill (so their absence above means something)', () => {
    const background = path.join(OUTPUT, 'chrome-mv3/background.js');
    expect(existsSync(background) && POLYFILL_MARKERS.test(readFileSync(background, 'utf8'))).toBe(true);
  });
});

describe('the zod markers', () => {
  it('are found in the background, which does validate with zod (so their absence above means something)', () => {
    const background = path.join(OUTPUT, 'chrome-mv3/background.js');
    expect(existsSync(background) && ZOD_MARKERS.test(readFileSync(background, 'utf8'))).toBe(true);
  });
});
