import { lookUpBrowser } from './browser-lookup';
import { realLookupHost } from './lookup-host';

/**
 * The Chromium the browser tests, the demo and the bench start: the first of browser-lookup.ts's
 * places that exists. Nothing is downloaded; a missing Chromium is one error saying what was
 * tried and how to install it.
 */
export function chromiumExecutable(): string {
  const lookup = lookUpBrowser('chromium', realLookupHost());
  if (lookup.found === null) throw new Error(lookup.message);
  return lookup.found;
}
