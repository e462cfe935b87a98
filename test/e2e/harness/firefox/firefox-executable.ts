import { lookUpBrowser } from '../browser-lookup';
import { realLookupHost } from '../lookup-host';

/**
 * The Firefox the Firefox suite drives through puppeteer, as installed (no download): the first of
 * browser-lookup.ts's places that exists, Debian's Firefox ESR first (docs/testing.md).
 */
export function firefoxExecutable(): string {
  const lookup = lookUpBrowser('firefox', realLookupHost());
  if (lookup.found === null) throw new Error(lookup.message);
  return lookup.found;
}
