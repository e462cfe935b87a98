import { existsSync } from 'node:fs';

/** Debian's Firefox ESR: puppeteer drives it as installed, with no browser download (docs/testing.md). */
const DEBIAN_PATH = '/usr/bin/firefox-esr';

export const FIREFOX_INSTALL_HINT =
  `Firefox ESR was not found at ${DEBIAN_PATH}.\n` +
  'On Debian/Ubuntu install it with:  sudo apt-get install firefox-esr\n' +
  'or point QUOTA_METER_FIREFOX at a Firefox binary.';

export function firefoxExecutable(): string {
  const chosen = process.env.QUOTA_METER_FIREFOX || DEBIAN_PATH;
  if (!existsSync(chosen)) throw new Error(FIREFOX_INSTALL_HINT);
  return chosen;
}
