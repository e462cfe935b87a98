import path from 'node:path';

/**
 * The screenshots a store listing needs, written by `npm run demo -- --store`: the popup running
 * low, in light and dark, in each shipped language, at 1280x800 (the size the Chrome Web Store
 * and Edge Add-ons take; addons.mozilla.org takes any, shown at that ratio). They go beside the
 * packages `npm run zip` writes; docs/store-listing.md says where each is uploaded.
 */
export const STORE_ASSETS_DIR = path.join('.output', 'store-assets');

export const STORE_SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;

export type ColorScheme = 'light' | 'dark';

export interface StoreScreenshot {
  /** The folder name under public/_locales (zh_CN). */
  readonly locale: string;
  /** The BCP 47 tag Chromium's --lang and the popup's formatting take (zh-CN). */
  readonly languageTag: string;
  readonly colorScheme: ColorScheme;
  /** Relative to the repository. */
  readonly file: string;
}

/** Every store screenshot, locale by locale (sorted), light before dark. */
export function storeScreenshots(locales: readonly string[]): StoreScreenshot[] {
  return [...locales].sort().flatMap((locale) =>
    (['light', 'dark'] as const).map((colorScheme) => ({
      locale,
      languageTag: locale.replace('_', '-'),
      colorScheme,
      file: path.join(STORE_ASSETS_DIR, `quota-meter-${locale}-${colorScheme}.png`),
    })),
  );
}
