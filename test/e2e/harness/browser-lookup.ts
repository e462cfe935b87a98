import path from 'node:path';

/**
 * Where the browser tests and the demo find Chromium and Firefox: one pure function over what it
 * is given (a file system, the platform, the environment, the home folder), so that every
 * platform's paths are tested here on Linux (test/unit/harness/browser-lookup.test.ts). No browser
 * is ever downloaded; a missing one is said once, with what was tried and the command that
 * installs it on that platform. README, "Browsers", says which of these places were run here.
 *
 * Only builds that honour --load-extension are looked for as Chromium: Chromium and Chrome for
 * Testing. Branded Google Chrome (and Edge) ignore it since Chrome 137, so they are not candidates.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface LookupHost {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  /** True when `file` is there (a file or a link to one). */
  exists(file: string): boolean;
  /** The names in `dir`, none when it is not there. */
  list(dir: string): string[];
  /** A text file's content, null when it is not there (only /etc/os-release is read). */
  read(file: string): string | null;
}

/** One place looked at: a path, or a pattern with `*` for a version folder, and why it is looked at. */
export interface Place {
  readonly where: string;
  readonly why: string;
}

export type Lookup = { readonly found: string; readonly tried: readonly Place[] } | { readonly found: null; readonly message: string };

/** The environment variables, in the order they are read; a set one must name a file. */
export const BROWSER_ENV: Record<BrowserName, readonly string[]> = {
  chromium: ['QUOTA_METER_CHROMIUM', 'CHROME_PATH'],
  firefox: ['QUOTA_METER_FIREFOX'],
};

const LABEL: Record<BrowserName, string> = { chromium: 'Chromium (or Chrome for Testing)', firefox: 'Firefox' };

type Join = (...parts: string[]) => string;

interface Folders {
  join: Join;
  /** Playwright's browser cache (PLAYWRIGHT_BROWSERS_PATH, else its per-platform default). */
  playwright: string;
  /** The @puppeteer/browsers cache that `npx @puppeteer/browsers install --path` fills (PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer). */
  puppeteer: string;
}

function folders(host: LookupHost): Folders {
  const { env, home, platform } = host;
  const join: Join = platform === 'win32' ? path.win32.join : path.posix.join;
  const localAppData = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
  const playwrightDefault =
    platform === 'darwin'
      ? join(home, 'Library', 'Caches', 'ms-playwright')
      : platform === 'win32'
        ? join(localAppData, 'ms-playwright')
        : join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'ms-playwright');
  return {
    join,
    playwright: env.PLAYWRIGHT_BROWSERS_PATH || playwrightDefault,
    puppeteer: env.PUPPETEER_CACHE_DIR || join(home, '.cache', 'puppeteer'),
  };
}

const macApp = (app: string, binary: string) => `${app}.app/Contents/MacOS/${binary}`;
const CFT_MAC = (arch: string) => `chrome-mac-${arch}/${macApp('Google Chrome for Testing', 'Google Chrome for Testing')}`;

/** The fixed places and cache patterns for one browser on one platform, in the order they are tried. */
function installPlaces(name: BrowserName, host: LookupHost, f: Folders): Place[] {
  const { join } = f;
  const { env, home } = host;
  const place = (where: string, why: string): Place => ({ where, why });
  if (host.platform === 'darwin') {
    if (name === 'chromium') {
      return [
        place(`/Applications/${macApp('Chromium', 'Chromium')}`, 'macOS app'),
        place(join(home, 'Applications', macApp('Chromium', 'Chromium')), 'macOS app'),
        place(`/Applications/${macApp('Google Chrome for Testing', 'Google Chrome for Testing')}`, 'macOS app'),
        place(join(f.playwright, 'chromium-*', CFT_MAC('arm64')), "Playwright's browser cache"),
        place(join(f.playwright, 'chromium-*', CFT_MAC('x64')), "Playwright's browser cache"),
        place(join(f.playwright, 'chromium-*', 'chrome-mac', macApp('Chromium', 'Chromium')), "Playwright's browser cache (before 1.57)"),
        place(join(f.puppeteer, 'chrome', 'mac_arm-*', CFT_MAC('arm64')), 'Chrome for Testing (@puppeteer/browsers)'),
        place(join(f.puppeteer, 'chrome', 'mac-*', CFT_MAC('x64')), 'Chrome for Testing (@puppeteer/browsers)'),
      ];
    }
    return [
      place(`/Applications/${macApp('Firefox', 'firefox')}`, 'macOS app'),
      place(join(home, 'Applications', macApp('Firefox', 'firefox')), 'macOS app'),
      place(join(f.puppeteer, 'firefox', 'mac_arm-*', macApp('Firefox', 'firefox')), 'Firefox (@puppeteer/browsers)'),
      place(join(f.puppeteer, 'firefox', 'mac-*', macApp('Firefox', 'firefox')), 'Firefox (@puppeteer/browsers)'),
    ];
  }
  if (host.platform === 'win32') {
    const localAppData = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
    const programFiles = env.PROGRAMFILES ?? 'C:\\Program Files';
    const programFilesX86 = env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)';
    if (name === 'chromium') {
      return [
        place(join(localAppData, 'Chromium', 'Application', 'chrome.exe'), 'Windows install'),
        place(join(programFiles, 'Chromium', 'Application', 'chrome.exe'), 'Windows install'),
        place(join(f.playwright, 'chromium-*', 'chrome-win64', 'chrome.exe'), "Playwright's browser cache"),
        place(join(f.playwright, 'chromium-*', 'chrome-win', 'chrome.exe'), "Playwright's browser cache (before 1.57)"),
        place(join(f.puppeteer, 'chrome', 'win64-*', 'chrome-win64', 'chrome.exe'), 'Chrome for Testing (@puppeteer/browsers)'),
      ];
    }
    return [
      place(join(programFiles, 'Mozilla Firefox', 'firefox.exe'), 'Windows install'),
      place(join(programFilesX86, 'Mozilla Firefox', 'firefox.exe'), 'Windows install'),
      place(join(localAppData, 'Mozilla Firefox', 'firefox.exe'), 'Windows install (per user)'),
      place(join(f.puppeteer, 'firefox', 'win64-*', 'core', 'firefox.exe'), 'Firefox (@puppeteer/browsers)'),
    ];
  }
  if (name === 'chromium') {
    return [
      // Debian's binary first: /usr/bin/chromium is a wrapper script adding flags of its own
      // (docs/testing.md). Arch's chromium package installs the same two paths.
      place('/usr/lib/chromium/chromium', 'Debian/Ubuntu/Arch package'),
      place('/usr/bin/chromium', 'Debian/Ubuntu/Arch package'),
      place('/snap/bin/chromium', 'Ubuntu snap'),
      place('/usr/bin/chromium-browser', 'Fedora package'),
      place(join(f.playwright, 'chromium-*', 'chrome-linux64', 'chrome'), "Playwright's browser cache"),
      place(join(f.playwright, 'chromium-*', 'chrome-linux', 'chrome'), "Playwright's browser cache (before 1.57)"),
      place(join(f.puppeteer, 'chrome', 'linux-*', 'chrome-linux64', 'chrome'), 'Chrome for Testing (@puppeteer/browsers)'),
    ];
  }
  return [
    place('/usr/bin/firefox-esr', 'Debian package (ESR)'),
    place('/usr/bin/firefox', 'Debian/Fedora/Arch package'),
    place('/snap/bin/firefox', 'Ubuntu snap'),
    place('/usr/lib/firefox/firefox', "Mozilla's deb package"),
    place('/opt/firefox/firefox', "Mozilla's tarball"),
    place(join(f.puppeteer, 'firefox', 'linux-*', 'firefox', 'firefox'), 'Firefox (@puppeteer/browsers)'),
  ];
}

/** Names looked up on PATH after the installed packages, before the caches. */
const ON_PATH: Record<BrowserName, readonly string[]> = {
  chromium: ['chromium', 'chromium-browser'],
  firefox: ['firefox-esr', 'firefox'],
};

function pathPlaces(name: BrowserName, host: LookupHost, join: Join): Place[] {
  const windows = host.platform === 'win32';
  const dirs = (host.env.PATH ?? host.env.Path ?? '').split(windows ? ';' : ':').filter((dir) => dir !== '');
  return ON_PATH[name].flatMap((command) =>
    dirs.map((dir) => ({ where: join(dir, windows ? `${command}.exe` : command), why: `\`${command}\` on PATH` })),
  );
}

/**
 * The paths a place stands for: itself, or for a pattern, each matching version folder, newest
 * first (the `*` is always a whole folder name's tail: `chromium-*`, `linux-*`).
 */
function expand(where: string, host: LookupHost, join: Join): string[] {
  const separator = host.platform === 'win32' ? '\\' : '/';
  const parts = where.split(separator);
  const star = parts.findIndex((part) => part.endsWith('*'));
  if (star < 0) return [where];
  const parent = parts.slice(0, star).join(separator) || separator;
  const prefix = parts[star]!.slice(0, -1);
  const versions = host
    .list(parent)
    .filter((entry) => entry.startsWith(prefix))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  return versions.map((version) => join(parent, version, ...parts.slice(star + 1)));
}

/** The Linux distribution family of /etc/os-release: its ID, then each of its ID_LIKE. */
function linuxFamily(host: LookupHost): string[] {
  const release = host.read('/etc/os-release') ?? '';
  const field = (key: string) => new RegExp(`^${key}="?([^"\\n]*)"?$`, 'm').exec(release)?.[1] ?? '';
  return [field('ID'), ...field('ID_LIKE').split(' ')].filter((id) => id !== '');
}

/** The one command that installs the browser here, as its users would run it. */
export function installCommand(name: BrowserName, host: LookupHost): string {
  const puppeteerCache = host.platform === 'win32' ? '%USERPROFILE%\\.cache\\puppeteer' : '~/.cache/puppeteer';
  const portable =
    name === 'chromium'
      ? `npx @puppeteer/browsers install chrome@stable --path ${puppeteerCache}`
      : `npx @puppeteer/browsers install firefox@esr --path ${puppeteerCache}`;
  if (host.platform === 'darwin') return name === 'chromium' ? portable : 'brew install --cask firefox@esr';
  if (host.platform === 'win32') return name === 'chromium' ? portable : 'winget install Mozilla.Firefox.ESR';
  if (host.platform !== 'linux') return portable;
  const byFamily: Record<string, Record<BrowserName, string>> = {
    ubuntu: { chromium: 'sudo snap install chromium', firefox: 'sudo snap install firefox' },
    debian: { chromium: 'sudo apt-get install chromium', firefox: 'sudo apt-get install firefox-esr' },
    fedora: { chromium: 'sudo dnf install chromium', firefox: 'sudo dnf install firefox' },
    arch: { chromium: 'sudo pacman -S chromium', firefox: 'sudo pacman -S firefox' },
  };
  const family = linuxFamily(host).find((id) => id in byFamily);
  return family === undefined ? portable : byFamily[family]![name];
}

function notFound(name: BrowserName, host: LookupHost, tried: readonly Place[]): string {
  const envNames = BROWSER_ENV[name].join(' or ');
  return [
    `${LABEL[name]} was not found. Looked at, in this order:`,
    ...tried.map((place) => `  ${place.where}  (${place.why})`),
    `Install it with:  ${installCommand(name, host)}`,
    `or set ${envNames} to the executable.`,
    ...(name === 'chromium'
      ? ['Google Chrome and Edge will not do: they ignore --load-extension (Chrome 137 and later).']
      : ['Firefox 153 or later (ESR or release) is needed.']),
  ].join('\n');
}

export function lookUpBrowser(name: BrowserName, host: LookupHost): Lookup {
  const f = folders(host);
  for (const variable of BROWSER_ENV[name]) {
    const chosen = host.env[variable];
    if (!chosen) continue;
    if (host.exists(chosen)) return { found: chosen, tried: [{ where: chosen, why: variable }] };
    return { found: null, message: `${variable}=${chosen} names no file.\n${notFound(name, host, [{ where: chosen, why: variable }])}` };
  }
  // Installed packages and apps, then PATH (a browser there was installed on purpose), then the
  // download caches, whose patterns have a `*`.
  const fixed = installPlaces(name, host, f);
  const ordered = [
    ...fixed.filter((place) => !place.where.includes('*')),
    ...pathPlaces(name, host, f.join),
    ...fixed.filter((place) => place.where.includes('*')),
  ];
  const unique = ordered.filter((place, index) => ordered.findIndex((other) => other.where === place.where) === index);
  const tried: Place[] = [];
  for (const place of unique) {
    tried.push(place);
    const found = expand(place.where, host, f.join).find((candidate) => host.exists(candidate));
    if (found !== undefined) return { found, tried };
  }
  return { found: null, message: notFound(name, host, tried) };
}
