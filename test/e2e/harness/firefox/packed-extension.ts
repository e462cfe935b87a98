import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../extension-build';
import { GECKO_ID } from './firefox-prefs';

/**
 * The Firefox build as it ships, packed by web-ext into one file (the same zip `wxt zip -b
 * firefox` makes), and installed by placing it in the profile's extensions folder: Firefox
 * installs it at start, and again at every start with that profile, as it does an add-on from
 * the store. A temporary add-on (browser.installExtension) would be gone after a restart.
 */

/** The shipped MV2 build; QUOTA_METER_FIREFOX_BUILD names another (an MV3 build, to compare). */
export const FIREFOX_BUILD_DIR = path.resolve(repoRoot, process.env.QUOTA_METER_FIREFOX_BUILD || '.output/firefox-mv2');
export const PACKED_EXTENSION_ENV = 'QUOTA_METER_FIREFOX_XPI';

/** Packs the build into `dir`; run once per suite (firefox-global-setup.ts). */
export function packExtension(dir: string): string {
  if (!existsSync(path.join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD_DIR}. Run \`npm run build:firefox\` first (\`npm test\` does).`);
  }
  const file = 'quota-meter-firefox.xpi';
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', FIREFOX_BUILD_DIR, '--artifacts-dir', dir, '--filename', file, '--overwrite-dest'],
    {
      cwd: repoRoot,
      stdio: 'ignore',
    },
  );
  return path.join(dir, file);
}

export function installIntoProfile(profileDir: string): void {
  const packed = process.env[PACKED_EXTENSION_ENV];
  if (!packed || !existsSync(packed))
    throw new Error(`${PACKED_EXTENSION_ENV} names no packed extension: run the suite through test/e2e/firefox.vitest.config.ts.`);
  const extensions = path.join(profileDir, 'extensions');
  mkdirSync(extensions, { recursive: true });
  copyFileSync(packed, path.join(extensions, `${GECKO_ID}.xpi`));
}
