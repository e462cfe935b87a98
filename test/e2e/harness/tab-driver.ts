import type { Page } from 'playwright-core';

/**
 * One browser tab as the cross-browser harness drives it: the few things every spec needs, the
 * same in Playwright (Chromium) and in puppeteer (Firefox over WebDriver BiDi). `raw` is the
 * driver's own page object, for the Chromium-only specs that use more of Playwright.
 */
export interface TabDriver<Raw = unknown> {
  readonly raw: Raw;
  url(): string;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Runs `pageFunction` in the page (serialised, so it may use only its argument). */
  evaluate<R, Arg>(pageFunction: (arg: Arg) => R | Promise<R>, arg: Arg): Promise<R>;
  /** Uncaught errors of the page, by message. */
  onPageError(listener: (message: string) => void): void;
  close(): Promise<void>;
}

export function playwrightTab(page: Page): TabDriver<Page> {
  return {
    raw: page,
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url);
    },
    // Playwright types the argument as Unboxed<Arg>, which differs from Arg only for JSHandles; the
    // harness passes plain JSON values.
    evaluate: <R, Arg>(pageFunction: (arg: Arg) => R | Promise<R>, arg: Arg) => page.evaluate<R, Arg>(pageFunction as never, arg),
    onPageError: (listener) => page.on('pageerror', (error) => listener(error.message)),
    close: () => page.close(),
  };
}
