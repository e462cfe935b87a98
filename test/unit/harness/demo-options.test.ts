import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_USAGE, parseDemoArgs } from '../../e2e/demo-options';
import { STORE_ASSETS_DIR, storeScreenshots } from '../../e2e/store-assets';

/** `npm run demo`'s arguments, and the store screenshots `--store` writes. */

describe('parseDemoArgs', () => {
  it.each([
    [[], { readme: false, store: false }],
    [['--readme'], { readme: true, store: false }],
    [['--store'], { readme: false, store: true }],
    [['--store', '--store'], { readme: false, store: true }],
  ])('%j -> %j', (args, expected) => {
    expect(parseDemoArgs(args)).toEqual(expected);
  });

  it.each([
    [['--stor'], 'Unknown argument "--stor".'],
    [['store'], 'Unknown argument "store".'],
    [['--store', '-x', '--lang=de'], 'Unknown argument "-x", "--lang=de".'],
    [['--readme', '--store'], '--readme and --store are separate runs.'],
  ])('%j is refused with the usage', (args, first) => {
    expect(() => parseDemoArgs(args)).toThrow(`${first}\n${DEMO_USAGE}`);
  });
});

describe('storeScreenshots', () => {
  const locales = readdirSync(path.resolve(import.meta.dirname, '../../../public/_locales'));

  it('is light and dark in each of the ten shipped languages, one file each, in the store folder', () => {
    const shots = storeScreenshots(locales);
    expect(locales).toHaveLength(10);
    expect(shots).toHaveLength(20);
    expect(new Set(shots.map((shot) => shot.file)).size).toBe(20);
    for (const locale of locales) {
      expect(shots.filter((shot) => shot.locale === locale).map((shot) => shot.colorScheme)).toEqual(['light', 'dark']);
    }
    for (const shot of shots) expect(path.dirname(shot.file)).toBe(STORE_ASSETS_DIR);
  });

  it('names each file after its locale and scheme, and gives the browser a BCP 47 tag', () => {
    expect(storeScreenshots(['zh_TW', 'en'])).toEqual([
      { locale: 'en', languageTag: 'en', colorScheme: 'light', file: path.join('.output', 'store-assets', 'quota-meter-en-light.png') },
      { locale: 'en', languageTag: 'en', colorScheme: 'dark', file: path.join('.output', 'store-assets', 'quota-meter-en-dark.png') },
      {
        locale: 'zh_TW',
        languageTag: 'zh-TW',
        colorScheme: 'light',
        file: path.join('.output', 'store-assets', 'quota-meter-zh_TW-light.png'),
      },
      {
        locale: 'zh_TW',
        languageTag: 'zh-TW',
        colorScheme: 'dark',
        file: path.join('.output', 'store-assets', 'quota-meter-zh_TW-dark.png'),
      },
    ]);
  });
});
