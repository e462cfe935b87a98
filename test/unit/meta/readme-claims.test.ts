import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { README_SCREENSHOTS, README_SCREENSHOTS_DIR } from '../../e2e/readme-screenshots';

/**
 * What the README says that a test can check: the engine warnings `npm ci` prints on the Node
 * versions it names, that no install-scripts notice is printed, and that the screenshots it shows
 * are the demo's, at the size the demo writes them.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const README = read('README.md');

interface LockEntry {
  version?: string;
  engines?: { node?: string };
  hasInstallScript?: boolean;
}
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> };
const manifest = JSON.parse(read('package.json')) as { engines: { node: string }; allowScripts?: Record<string, boolean> };

/** Installed packages, as `name@version` with their entry (the root project left out). */
const installed = Object.entries(lock.packages)
  .filter(([key]) => key.startsWith('node_modules/'))
  .map(([key, entry]) => ({ name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length), entry }));

/** The packages whose `engines.node` the given Node version is outside of: npm's EBADENGINE list. */
function engineWarnings(node: string): string[] {
  return installed
    .filter(({ entry }) => entry.engines?.node !== undefined && !semver.satisfies(node, entry.engines.node))
    .map(({ name, entry }) => `${name}@${entry.version} ${entry.engines?.node}`)
    .sort();
}

/** The README bullet that starts with `start`, up to the next bullet or paragraph. */
function bullet(start: string): string {
  const from = README.indexOf(start);
  expect(from, `README has a bullet starting ${start}`).toBeGreaterThanOrEqual(0);
  const rest = README.slice(from);
  const end = rest.search(/\n(- |\n)/);
  return end < 0 ? rest : rest.slice(0, end);
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

describe('README, Node versions', () => {
  const tested = /\*\*Tested\*\*: Node (\d+\.\d+\.\d+)/.exec(README)?.[1];
  const oldest = semver.minVersion(manifest.engines.node)?.version;

  it('states the oldest Node that package.json accepts, and the tested one inside that range', () => {
    expect(oldest).toBeDefined();
    const [major, minor] = (oldest ?? '').split('.');
    expect(README).toContain(`Node.js ${major}.${minor} or later`);
    expect(tested).toBeDefined();
    expect(semver.satisfies(tested ?? '', manifest.engines.node)).toBe(true);
  });

  it("lists exactly the EBADENGINE warnings package-lock's engines give, on the tested Node and the oldest", () => {
    const text = bullet('- **On Node 20**');
    const listed = [...text.matchAll(/`((?:@[\w.-]+\/)?[\w.-]+@\d[\w.-]*)`\s+\(`(?:node )?([^`]+)`/g)]
      .map(([, id, range]) => `${id} ${range}`)
      .sort();
    const count = /prints (\w+) `EBADENGINE` warnings?/.exec(text)?.[1];
    expect(listed).toEqual(engineWarnings(tested ?? ''));
    expect(listed).toEqual(engineWarnings(oldest ?? ''));
    expect(count).toBe(NUMBER_WORDS[listed.length]);
  });

  it("has every install script approved in package.json's allowScripts, so npm prints no install-scripts notice", () => {
    const withScripts = installed.filter(({ entry }) => entry.hasInstallScript);
    expect(withScripts.length).toBeGreaterThan(0);
    for (const { name, entry } of withScripts) {
      const approved = manifest.allowScripts?.[name] ?? manifest.allowScripts?.[`${name}@${entry.version}`];
      expect(approved, `${name}@${entry.version} in allowScripts`).toBe(true);
    }
    expect(bullet('- **Install scripts**')).toContain('allowScripts');
  });
});

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('README, screenshots', () => {
  const shown = [...README.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]!);
  /** The demo screenshots the popup's body (popup-screenshots.ts): its CSS width, and at most Chrome's 600 px. */
  const bodyWidth = Number(/\nbody \{\n {2}width: (\d+)px;/.exec(read('entrypoints/popup/style.css'))?.[1]);

  it("shows exactly the demo's README screenshots", () => {
    expect(shown.sort()).toEqual(README_SCREENSHOTS.map(({ file }) => path.posix.join(README_SCREENSHOTS_DIR, file)).sort());
  });

  it.each(README_SCREENSHOTS.map(({ file }) => file))('%s is there, at the size the demo writes', (file) => {
    const where = path.join(ROOT, README_SCREENSHOTS_DIR, file);
    expect(existsSync(where)).toBe(true);
    const size = pngSize(where);
    expect(bodyWidth).toBeGreaterThan(0);
    expect(size.width).toBe(bodyWidth);
    expect(size.height).toBeGreaterThan(200);
    expect(size.height).toBeLessThanOrEqual(600);
  });
});
