import { existsSync } from 'node:fs';

/**
 * Where Debian's Chromium lives. The binary itself comes first: /usr/bin/chromium is a wrapper
 * script that adds flags of its own (docs/testing.md). Playwright cannot download a browser here,
 * so a missing Chromium is said plainly, with the command that installs it.
 */
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export const INSTALL_HINT =
  'Chromium was not found (looked for /usr/lib/chromium/chromium and /usr/bin/chromium).\n' +
  'On Debian/Ubuntu install it with:  sudo apt-get install chromium\n' +
  'or point QUOTA_METER_CHROMIUM at a Chromium or Chrome binary.';

export function chromiumExecutable(): string {
  const chosen = process.env.QUOTA_METER_CHROMIUM;
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new Error(`QUOTA_METER_CHROMIUM=${chosen} does not exist.\n${INSTALL_HINT}`);
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}
