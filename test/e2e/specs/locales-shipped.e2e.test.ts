import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../harness/extension-build';

/**
 * Both builds ship every catalogue of public/_locales unchanged (WXT copies public/ as is), and
 * their manifests take name and description from it. The keys themselves are checked in
 * test/unit/meta/locales.test.ts; this is the check that the built packages carry them.
 */
const source = path.join(repoRoot, 'public/_locales');
const languages = readdirSync(source).sort();
const builds = ['chrome-mv3', 'firefox-mv2'].map((name) => path.join(repoRoot, '.output', name));

describe.each(builds)('the build in %s', (build) => {
  it('exists (npm test builds both before this suite)', () => {
    expect(existsSync(path.join(build, 'manifest.json'))).toBe(true);
  });

  it('ships the ten catalogues, byte for byte', () => {
    expect(languages).toHaveLength(10);
    expect(readdirSync(path.join(build, '_locales')).sort()).toEqual(languages);
    for (const language of languages) {
      const shipped = readFileSync(path.join(build, '_locales', language, 'messages.json'));
      expect(shipped.equals(readFileSync(path.join(source, language, 'messages.json'))), language).toBe(true);
    }
  });

  it('names and describes itself from the catalogues, English by default', () => {
    const manifest = JSON.parse(readFileSync(path.join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ default_locale: 'en', name: '__MSG_extension_name__', description: '__MSG_extension_description__' });
  });
});
