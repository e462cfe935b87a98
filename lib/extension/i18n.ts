import { browser } from 'wxt/browser';
import { pluralForm } from '../view/plural-category';

/**
 * Every string the extension shows goes through browser.i18n (public/_locales). A key missing
 * from the catalogue shows as the key itself, so a gap is visible rather than blank.
 */
/**
 * Every key of public/_locales/en/messages.json, as WXT generates them (.wxt/types/i18n.d.ts): a
 * typo or a removed key is a type error. The browser's own @@ keys are not ours to show.
 */
export type MessageKey = Exclude<Parameters<typeof browser.i18n.getMessage>[0], `@@${string}`>;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

/** A message that has `_one` and `_other` forms in every catalogue, named without the suffix. */
type Counted<Key> = Key extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
type CountedKey = Counted<MessageKey>;

/**
 * A counted message in the form the catalogue's language uses for `count` (see pluralForm).
 * `count` picks the form only; the text shown for it is in `substitutions`, formatted by the caller.
 */
export function tPlural(key: CountedKey, count: number, substitutions: string[]): string {
  const form = pluralForm(count, t('popup_lang'));
  return t(form === 'one' ? `${key}_one` : `${key}_other`, substitutions);
}

let asked: { of: unknown; locale: string } | null = null;

/**
 * The browser's UI language, for Intl formatting of dates, times and counts. A popup's render
 * formats dozens of values, and each call into the extension API costs far more than a property
 * read (about 2 ms of an open in Chromium's profiler), while the answer holds until the browser
 * restarts. So it is asked once and kept for as long as the API's function is the same one (a
 * test's fake replaces it, and is asked again).
 */
export function uiLocale(): string {
  try {
    const i18n = browser.i18n;
    if (asked?.of !== i18n.getUILanguage) asked = { of: i18n.getUILanguage, locale: i18n.getUILanguage() || 'en' };
    return asked.locale;
  } catch {
    return 'en';
  }
}
