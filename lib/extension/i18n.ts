import { browser } from 'wxt/browser';

/**
 * Every string the extension shows goes through browser.i18n (public/_locales). A key missing
 * from the catalogue shows as the key itself, so a gap is visible rather than blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    // Keys are partly built at run time (feature names), so the generated literal key type is widened.
    const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string | string[]) => string;
    return getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

/** The browser's UI language, for Intl formatting of dates, times and counts. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
