import type { TabDriver } from './tab-driver';

/**
 * What a user reads in the popup, taken in one evaluation so that it works through any driver:
 * its text as written (textContent, whatever case CSS gives it), its headings, its list items
 * (each with its own heading and text) and its links. Elements are found by their implicit
 * roles (main, h1-h6, li, a[href]), never by class.
 */
export interface PopupSnapshot {
  text: string;
  headings: string[];
  items: { heading: string; text: string }[];
  links: { name: string; href: string }[];
  /** The popup's own styles apply: its stylesheet (written into popup.html) defines its colours. */
  styled: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function snapshotInPage(): PopupSnapshot | null {
  if (document.querySelector('main') === null) return null;
  const words = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return {
    text: document.body.textContent ?? '',
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(words),
    items: [...document.querySelectorAll('li')].map((item) => ({
      heading: words(item.querySelector('h1, h2, h3, h4, h5, h6')),
      text: item.textContent ?? '',
    })),
    links: [...document.querySelectorAll('a[href]')].map((link) => ({ name: words(link), href: link.getAttribute('href') ?? '' })),
    styled: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() !== '',
  };
}

/** Waits until the popup has rendered (its main landmark appears once storage answers) and reads it. */
export async function readPopup(popup: TabDriver, timeoutMs = 10_000): Promise<PopupSnapshot> {
  const started = Date.now();
  for (;;) {
    const snapshot = await popup.evaluate(snapshotInPage, undefined);
    if (snapshot !== null) return snapshot;
    if (Date.now() - started > timeoutMs) throw new Error('the popup rendered no main landmark');
    await sleep(100);
  }
}
