import type { Page } from 'puppeteer-core';
import type { TabDriver } from '../tab-driver';

/** A Firefox tab (puppeteer over WebDriver BiDi) as the cross-browser harness drives it. */
export function puppeteerTab(page: Page): TabDriver<Page> {
  return {
    raw: page,
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url);
    },
    // puppeteer sends the function's source and its JSON argument, as Playwright does; its types
    // flatten JSHandles (FlattenHandle<Arg>), which the harness never passes.
    evaluate: <R, Arg>(pageFunction: (arg: Arg) => R | Promise<R>, arg: Arg) => page.evaluate(pageFunction as never, arg) as Promise<R>,
    onPageError: (listener) => page.on('pageerror', (error: unknown) => listener(error instanceof Error ? error.message : String(error))),
    close: () => page.close(),
  };
}
