import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_FEATURES } from '../../../lib/core/feature-names';
import { READING_SOURCES } from '../../../lib/core/quota-types';

/**
 * Every message key the code names exists in the English catalogue, the one every other locale is
 * checked against. t() is typed with WXT's keys, but that type is generated from en and goes stale
 * until `wxt prepare` runs again, and __MSG_ keys in the manifest and HTML are not typed at all.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const english = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as object);

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|html)$/.test(file))
    .map((file) => path.join(folder, file));
}

const FILES = ['lib', 'components', 'entrypoints'].flatMap(sourceFiles).concat('wxt.config.ts');

/** Keys named in the code: t('key', ...) calls and __MSG_key__ placeholders. */
function keysNamedIn(text: string): string[] {
  const calls = [...text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((match) => match[1] ?? '');
  const placeholders = [...text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((match) => match[1] ?? '');
  return [...calls, ...placeholders];
}

describe('message keys', () => {
  const named = FILES.flatMap((file) => keysNamedIn(readFileSync(path.join(ROOT, file), 'utf8')).map((key) => [file, key] as const));

  it('the scan finds the keys the code names', () => {
    expect(named.length).toBeGreaterThan(50);
  });

  it('every key named in the code exists in en', () => {
    expect(named.filter(([, key]) => !english.includes(key))).toEqual([]);
  });

  it.each([
    ['feature_', KNOWN_FEATURES],
    ['source_', READING_SOURCES],
  ])('every key built as %s + a known name exists in en', (prefix, names) => {
    expect(names.map((name) => `${prefix}${name}`).filter((key) => !english.includes(key))).toEqual([]);
  });
});
