import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The built MAIN-world script, as a browser gets it: it runs at document_start on every chatgpt.com
 * load, so it carries no zod (the relay validates, not the page) and stays small. Run after
 * `npm run build` and `npm run build:firefox` (npm test does: `npm run test:built`).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUTPUT = path.resolve(ROOT, process.env.QUOTA_METER_OUT_DIR ?? '.output');
/** 11.7 kB when the budget was set (November 2026); the headroom is for the carriers still to come. */
const BUDGET_BYTES = 16 * 1024;
/** What zod 4 leaves in any bundle that holds a schema: its internals' property and class names. */
const ZOD_MARKERS = /_zod\b|\$Zod|ZodError/;

const BUILDS = ['chrome-mv3', 'firefox-mv2'].map((target) => [target, path.join(OUTPUT, target, 'content-scripts/interceptor.js')] as const);

describe.each(BUILDS)('the %s interceptor', (target, file) => {
  it('was built', () => {
    expect(existsSync(file), `${file} is missing: run \`npm run build\` and \`npm run build:firefox\` first (${target})`).toBe(true);
  });

  it.runIf(existsSync(file))('carries no zod', () => {
    expect(readFileSync(file, 'utf8')).not.toMatch(ZOD_MARKERS);
  });

  it.runIf(existsSync(file))(`stays under ${BUDGET_BYTES} bytes`, () => {
    expect(readFileSync(file).byteLength).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

describe('the zod markers', () => {
  it('are found in the relay, which does validate with zod (so their absence above means something)', () => {
    const relay = path.join(OUTPUT, 'chrome-mv3/content-scripts/relay.js');
    expect(existsSync(relay) && ZOD_MARKERS.test(readFileSync(relay, 'utf8'))).toBe(true);
  });
});
