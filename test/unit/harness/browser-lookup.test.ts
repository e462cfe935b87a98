import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCommand, lookUpBrowser, type BrowserName, type LookupHost } from '../../e2e/harness/browser-lookup';

/**
 * The browser lookup over a stubbed machine: each platform's places, their order, the environment
 * variables, and the one message a machine without the browser gets.
 */

// Made-up homes outside /home and /Users: .ci/check-paths.mjs refuses what looks like a real one.
const HOMES = { linux: '/opt/ada-home', darwin: '/private/ada-home', win32: 'C:\\Users\\ada' } as const;
type Platform = keyof typeof HOMES;

const WIN_ENV = {
  LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
};

/** A machine holding exactly `files`; its folders are what those paths imply. */
function machine(platform: Platform, files: string[], options: { env?: Record<string, string>; osRelease?: string } = {}): LookupHost {
  const p = platform === 'win32' ? path.win32 : path.posix;
  return {
    platform,
    env: { ...(platform === 'win32' ? WIN_ENV : {}), ...options.env },
    home: HOMES[platform],
    exists: (file) => files.includes(file),
    list: (dir) => [
      ...new Set(
        files
          .filter((file) => file.startsWith(dir + p.sep))
          .map((file) => file.slice(dir.length + 1).split(p.sep)[0]!)
          .filter((name) => name !== ''),
      ),
    ],
    read: (file) => (file === '/etc/os-release' && options.osRelease !== undefined ? options.osRelease : null),
  };
}

const EVERY_PLACE: [Platform, BrowserName, string, string][] = [
  ['linux', 'chromium', '/usr/lib/chromium/chromium', 'Debian/Ubuntu/Arch package'],
  ['linux', 'chromium', '/usr/bin/chromium', 'Debian/Ubuntu/Arch package'],
  ['linux', 'chromium', '/snap/bin/chromium', 'Ubuntu snap'],
  ['linux', 'chromium', '/usr/bin/chromium-browser', 'Fedora package'],
  ['linux', 'chromium', '/opt/ada-home/.cache/ms-playwright/chromium-1234/chrome-linux64/chrome', "Playwright's browser cache"],
  ['linux', 'chromium', '/opt/ada-home/.cache/ms-playwright/chromium-1169/chrome-linux/chrome', "Playwright's browser cache (before 1.57)"],
  [
    'linux',
    'chromium',
    '/opt/ada-home/.cache/puppeteer/chrome/linux-149.0.7795.2/chrome-linux64/chrome',
    'Chrome for Testing (@puppeteer/browsers)',
  ],
  ['linux', 'firefox', '/usr/bin/firefox-esr', 'Debian package (ESR)'],
  ['linux', 'firefox', '/usr/bin/firefox', 'Debian/Fedora/Arch package'],
  ['linux', 'firefox', '/snap/bin/firefox', 'Ubuntu snap'],
  ['linux', 'firefox', '/usr/lib/firefox/firefox', "Mozilla's deb package"],
  ['linux', 'firefox', '/opt/firefox/firefox', "Mozilla's tarball"],
  ['linux', 'firefox', '/opt/ada-home/.cache/puppeteer/firefox/linux-esr_153.8.0/firefox/firefox', 'Firefox (@puppeteer/browsers)'],
  ['darwin', 'chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium', 'macOS app'],
  ['darwin', 'chromium', '/private/ada-home/Applications/Chromium.app/Contents/MacOS/Chromium', 'macOS app'],
  ['darwin', 'chromium', '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'macOS app'],
  [
    'darwin',
    'chromium',
    '/private/ada-home/Library/Caches/ms-playwright/chromium-1234/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    "Playwright's browser cache",
  ],
  [
    'darwin',
    'chromium',
    '/private/ada-home/Library/Caches/ms-playwright/chromium-1234/chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    "Playwright's browser cache",
  ],
  [
    'darwin',
    'chromium',
    '/private/ada-home/Library/Caches/ms-playwright/chromium-1169/chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    "Playwright's browser cache (before 1.57)",
  ],
  [
    'darwin',
    'chromium',
    '/private/ada-home/.cache/puppeteer/chrome/mac_arm-149.0.7795.2/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'Chrome for Testing (@puppeteer/browsers)',
  ],
  [
    'darwin',
    'chromium',
    '/private/ada-home/.cache/puppeteer/chrome/mac-149.0.7795.2/chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'Chrome for Testing (@puppeteer/browsers)',
  ],
  ['darwin', 'firefox', '/Applications/Firefox.app/Contents/MacOS/firefox', 'macOS app'],
  ['darwin', 'firefox', '/private/ada-home/Applications/Firefox.app/Contents/MacOS/firefox', 'macOS app'],
  [
    'darwin',
    'firefox',
    '/private/ada-home/.cache/puppeteer/firefox/mac_arm-esr_153.8.0/Firefox.app/Contents/MacOS/firefox',
    'Firefox (@puppeteer/browsers)',
  ],
  [
    'darwin',
    'firefox',
    '/private/ada-home/.cache/puppeteer/firefox/mac-esr_153.8.0/Firefox.app/Contents/MacOS/firefox',
    'Firefox (@puppeteer/browsers)',
  ],
  ['win32', 'chromium', 'C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe', 'Windows install'],
  ['win32', 'chromium', 'C:\\Program Files\\Chromium\\Application\\chrome.exe', 'Windows install'],
  [
    'win32',
    'chromium',
    'C:\\Users\\ada\\AppData\\Local\\ms-playwright\\chromium-1234\\chrome-win64\\chrome.exe',
    "Playwright's browser cache",
  ],
  [
    'win32',
    'chromium',
    'C:\\Users\\ada\\AppData\\Local\\ms-playwright\\chromium-1169\\chrome-win\\chrome.exe',
    "Playwright's browser cache (before 1.57)",
  ],
  [
    'win32',
    'chromium',
    'C:\\Users\\ada\\.cache\\puppeteer\\chrome\\win64-149.0.7795.2\\chrome-win64\\chrome.exe',
    'Chrome for Testing (@puppeteer/browsers)',
  ],
  ['win32', 'firefox', 'C:\\Program Files\\Mozilla Firefox\\firefox.exe', 'Windows install'],
  ['win32', 'firefox', 'C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe', 'Windows install'],
  ['win32', 'firefox', 'C:\\Users\\ada\\AppData\\Local\\Mozilla Firefox\\firefox.exe', 'Windows install (per user)'],
  ['win32', 'firefox', 'C:\\Users\\ada\\.cache\\puppeteer\\firefox\\win64-esr_153.8.0\\core\\firefox.exe', 'Firefox (@puppeteer/browsers)'],
];

describe('lookUpBrowser finds each place alone', () => {
  it.each(EVERY_PLACE)('%s %s: %s', (platform, name, file, why) => {
    const lookup = lookUpBrowser(name, machine(platform, [file]));
    expect(lookup.found).toBe(file);
    if (lookup.found === null) return;
    expect(lookup.tried.at(-1)?.why).toBe(why);
  });
});

describe('the order', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('%s: with every place filled, each browser is found at its first place', (platform) => {
    for (const name of ['chromium', 'firefox'] as const) {
      const places = EVERY_PLACE.filter(([p, n]) => p === platform && n === name).map(([, , file]) => file);
      for (let first = 0; first < places.length; first++) {
        expect(lookUpBrowser(name, machine(platform, places.slice(first))).found).toBe(places[first]);
      }
    }
  });

  it('the newest version folder of a cache comes first', () => {
    const old = '/opt/ada-home/.cache/puppeteer/chrome/linux-99.0.1/chrome-linux64/chrome';
    const newer = '/opt/ada-home/.cache/puppeteer/chrome/linux-149.0.7795.2/chrome-linux64/chrome';
    expect(lookUpBrowser('chromium', machine('linux', [old, newer])).found).toBe(newer);
  });

  it('a browser on PATH comes after the packages and before the caches', () => {
    const onPath = '/opt/ada-home/bin/firefox';
    const cached = '/opt/ada-home/.cache/puppeteer/firefox/linux-esr_153.8.0/firefox/firefox';
    const env = { PATH: '/usr/local/bin:/opt/ada-home/bin' };
    expect(lookUpBrowser('firefox', machine('linux', [onPath, cached], { env })).found).toBe(onPath);
    expect(lookUpBrowser('firefox', machine('linux', [onPath, cached, '/snap/bin/firefox'], { env })).found).toBe('/snap/bin/firefox');
    const chromium = 'C:\\tools\\chromium.exe';
    expect(lookUpBrowser('chromium', machine('win32', [chromium], { env: { Path: 'C:\\tools;C:\\Windows' } })).found).toBe(chromium);
  });

  it('the caches follow their environment variables', () => {
    const playwright = '/data/pw/chromium-1234/chrome-linux64/chrome';
    expect(lookUpBrowser('chromium', machine('linux', [playwright], { env: { PLAYWRIGHT_BROWSERS_PATH: '/data/pw' } })).found).toBe(
      playwright,
    );
    const xdg = '/xdg/ms-playwright/chromium-1234/chrome-linux64/chrome';
    expect(lookUpBrowser('chromium', machine('linux', [xdg], { env: { XDG_CACHE_HOME: '/xdg' } })).found).toBe(xdg);
    const puppeteer = '/data/pp/firefox/linux-esr_153.8.0/firefox/firefox';
    expect(lookUpBrowser('firefox', machine('linux', [puppeteer], { env: { PUPPETEER_CACHE_DIR: '/data/pp' } })).found).toBe(puppeteer);
  });
});

describe('the environment variables', () => {
  it.each([
    ['chromium', 'QUOTA_METER_CHROMIUM'],
    ['chromium', 'CHROME_PATH'],
    ['firefox', 'QUOTA_METER_FIREFOX'],
  ] as const)('%s: %s comes before every installed browser', (name, variable) => {
    const chosen = '/opt/mine/browser';
    const lookup = lookUpBrowser(
      name,
      machine('linux', [chosen, '/usr/bin/chromium', '/usr/bin/firefox-esr'], { env: { [variable]: chosen } }),
    );
    expect(lookup.found).toBe(chosen);
  });

  it('QUOTA_METER_CHROMIUM comes before CHROME_PATH', () => {
    const env = { QUOTA_METER_CHROMIUM: '/a/chromium', CHROME_PATH: '/b/chrome' };
    expect(lookUpBrowser('chromium', machine('linux', ['/a/chromium', '/b/chrome'], { env })).found).toBe('/a/chromium');
  });

  it('a variable naming no file is an error, not a quiet fallback', () => {
    const lookup = lookUpBrowser(
      'firefox',
      machine('linux', ['/usr/bin/firefox-esr'], { env: { QUOTA_METER_FIREFOX: '/nowhere/firefox' } }),
    );
    expect(lookup.found).toBeNull();
    if (lookup.found !== null) return;
    expect(lookup.message.split('\n')[0]).toBe('QUOTA_METER_FIREFOX=/nowhere/firefox names no file.');
  });
});

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const ARCH = 'NAME="Arch Linux"\nID=arch\n';
const MANJARO = 'NAME="Manjaro Linux"\nID=manjaro\nID_LIKE=arch\n';
const ALPINE = 'NAME="Alpine Linux"\nID=alpine\n';

describe('installCommand', () => {
  it.each([
    ['linux', DEBIAN, 'sudo apt-get install chromium', 'sudo apt-get install firefox-esr'],
    ['linux', UBUNTU, 'sudo snap install chromium', 'sudo snap install firefox'],
    ['linux', MINT, 'sudo snap install chromium', 'sudo snap install firefox'],
    ['linux', FEDORA, 'sudo dnf install chromium', 'sudo dnf install firefox'],
    ['linux', ARCH, 'sudo pacman -S chromium', 'sudo pacman -S firefox'],
    ['linux', MANJARO, 'sudo pacman -S chromium', 'sudo pacman -S firefox'],
    [
      'linux',
      ALPINE,
      'npx @puppeteer/browsers install chrome@stable --path ~/.cache/puppeteer',
      'npx @puppeteer/browsers install firefox@esr --path ~/.cache/puppeteer',
    ],
    ['darwin', undefined, 'npx @puppeteer/browsers install chrome@stable --path ~/.cache/puppeteer', 'brew install --cask firefox@esr'],
    [
      'win32',
      undefined,
      'npx @puppeteer/browsers install chrome@stable --path %USERPROFILE%\\.cache\\puppeteer',
      'winget install Mozilla.Firefox.ESR',
    ],
  ] as const)('%s %j', (platform, osRelease, chromium, firefox) => {
    const host = machine(platform, [], { osRelease });
    expect(installCommand('chromium', host)).toBe(chromium);
    expect(installCommand('firefox', host)).toBe(firefox);
  });
});

describe('no browser at all', () => {
  it('says once what was tried, in order, and the command that installs it', () => {
    const lookup = lookUpBrowser('chromium', machine('linux', [], { osRelease: DEBIAN, env: { PATH: '/usr/local/bin' } }));
    expect(lookup.found).toBeNull();
    if (lookup.found !== null) return;
    expect(lookup.message).toBe(
      [
        'Chromium (or Chrome for Testing) was not found. Looked at, in this order:',
        '  /usr/lib/chromium/chromium  (Debian/Ubuntu/Arch package)',
        '  /usr/bin/chromium  (Debian/Ubuntu/Arch package)',
        '  /snap/bin/chromium  (Ubuntu snap)',
        '  /usr/bin/chromium-browser  (Fedora package)',
        '  /usr/local/bin/chromium  (`chromium` on PATH)',
        '  /usr/local/bin/chromium-browser  (`chromium-browser` on PATH)',
        "  /opt/ada-home/.cache/ms-playwright/chromium-*/chrome-linux64/chrome  (Playwright's browser cache)",
        "  /opt/ada-home/.cache/ms-playwright/chromium-*/chrome-linux/chrome  (Playwright's browser cache (before 1.57))",
        '  /opt/ada-home/.cache/puppeteer/chrome/linux-*/chrome-linux64/chrome  (Chrome for Testing (@puppeteer/browsers))',
        'Install it with:  sudo apt-get install chromium',
        'or set QUOTA_METER_CHROMIUM or CHROME_PATH to the executable.',
        'Google Chrome and Edge will not do: they ignore --load-extension (Chrome 137 and later).',
      ].join('\n'),
    );
  });

  it.each(['linux', 'darwin', 'win32'] as const)('%s: every place of the table is in the message, once', (platform) => {
    for (const name of ['chromium', 'firefox'] as const) {
      const lookup = lookUpBrowser(name, machine(platform, []));
      expect(lookup.found).toBeNull();
      if (lookup.found !== null) continue;
      const listed = lookup.message.split('\n').filter((line) => line.startsWith('  '));
      expect(new Set(listed).size).toBe(listed.length);
      const places = EVERY_PLACE.filter(([p, n]) => p === platform && n === name);
      // Each place of the table shows as itself or as its cache pattern.
      expect(listed).toHaveLength(places.length);
      expect(lookup.message).toContain(`Install it with:  ${installCommand(name, machine(platform, []))}`);
    }
  });
});
