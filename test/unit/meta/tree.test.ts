import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './module-graph';

/**
 * The tree tells the truth: every lib/ file is named in its folder's README.md, a README names no
 * file that is not there, and no doc or comment points at a path of the repository that does not
 * exist (a moved file leaves no stale pointer behind).
 */

/** Folders that are not the project's own text: dependencies, build output, captured fixtures. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'test-artifacts', 'web-ext-artifacts', 'test/fixtures']);
const TEXT_FILE = /\.(ts|tsx|js|mjs|md|json|html|css)$/;
/** The lock file names the dependencies' own paths, not ours; this file names missing ones on purpose. */
const SKIPPED_FILES = new Set(['package-lock.json', 'test/unit/meta/tree.test.ts']);

const relative = (file: string) => path.relative(REPO_ROOT, file).split(path.sep).join('/');

function filesUnder(directory: string, skipped: ReadonlySet<string>): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (!statSync(full).isDirectory()) return [relative(full)];
    return name.startsWith('.') || skipped.has(name) || skipped.has(relative(full)) ? [] : filesUnder(full, skipped);
  });
}

/** Every file of the project, fixtures included: what a path in a text may point at. */
const REPO_FILES = filesUnder(REPO_ROOT, new Set(['node_modules']));
/** The project's own text, where the pointers are. */
const TEXT_FILES = filesUnder(REPO_ROOT, SKIPPED_FOLDERS).filter((file) => TEXT_FILE.test(file) && !SKIPPED_FILES.has(file));
const LIB_FILES = REPO_FILES.filter((file) => file.startsWith('lib/'));
const READMES = LIB_FILES.filter((file) => path.posix.basename(file) === 'README.md');

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
/** A name as a word of its own: `codex-usage.ts` is not named by `parse-codex-usage.ts`. */
const names = (text: string, name: string) => new RegExp(`(?<![\\w-])${escape(name)}(?![\\w-])`).test(text);
/** `*` is any run of name characters, `**` any run of folders (and at the end, anything below). */
const GLOB_PARTS: Record<string, string> = { '**/': '(?:[^/]+/)*', '**': '.*', '*': '[^/]*' };
const globPattern = (glob: string) =>
  new RegExp(
    `^${glob
      .split(/(\*\*\/|\*\*|\*)/)
      .map((part) => GLOB_PARTS[part] ?? escape(part))
      .join('')}$`,
  );

/** Whether a path a text gives, with or without its extension, is a file or folder of the repository. */
function exists(target: string): boolean {
  if (target.includes('*')) return REPO_FILES.some((file) => globPattern(target).test(file));
  return ['', '.ts', '.tsx'].some((extension) => existsSync(path.join(REPO_ROOT, target + extension)));
}

describe('each lib/ folder', () => {
  const folders = [...new Set(LIB_FILES.map((file) => path.posix.dirname(file)))].filter((folder) => folder !== 'lib');

  it.each(folders)('%s has a README.md', (folder) => {
    expect(READMES).toContain(`${folder}/README.md`);
  });

  it.each(folders)('%s/README.md names every file of the folder', (folder) => {
    const readme = readFileSync(path.join(REPO_ROOT, folder, 'README.md'), 'utf8');
    const files = LIB_FILES.filter((file) => path.posix.dirname(file) === folder && !file.endsWith('/README.md'));
    expect(files.filter((file) => !names(readme, path.posix.basename(file)))).toEqual([]);
  });

  it.each(folders)('%s/README.md names no file that is not there', (folder) => {
    const readme = readFileSync(path.join(REPO_ROOT, folder, 'README.md'), 'utf8');
    const named = [...readme.matchAll(/(?<![\w./-])([\w./*-]+\.(?:tsx?|md|json))(?![\w-])/g)].map((match) => match[1]!);
    // A bare name is a file of this folder; a path starts at the repository's root.
    const missing = named.filter((name) => !exists(name.includes('/') ? name : `${folder}/${name}`));
    expect(missing).toEqual([]);
  });
});

describe('docs and comments', () => {
  /** A path into the repository's own folders, not part of a longer path or a URL. */
  const REPO_PATH = /(?<![\w./@~-])((?:lib|components|entrypoints|docs|test|public)\/[\w./*-]*[\w*])/g;

  it('point only at paths that exist', () => {
    const stale = TEXT_FILES.flatMap((file) =>
      [...readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(REPO_PATH)]
        .map((match) => match[1]!)
        .filter((target) => !exists(target))
        .map((target) => `${file}: ${target}`),
    );
    expect([...new Set(stale)]).toEqual([]);
  });

  it('the check finds a stale path (the scan reads what it should)', () => {
    expect(exists('lib/view/format-time')).toBe(true);
    expect(exists('lib/format-time')).toBe(false);
    expect(exists('test/unit/meta/*.test.ts')).toBe(true);
    expect(exists('test/e2e/specs/**/*.e2e.test.ts')).toBe(true);
    expect(exists('test/unit/**/*.test.nothing')).toBe(false);
    expect(exists('lib/**')).toBe(true);
    expect(exists('test/fixtures/synthetic/codex-usage-*.json')).toBe(true);
  });
});
