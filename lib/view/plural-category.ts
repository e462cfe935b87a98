import { pluralRules } from './intl-formatters';

/**
 * Which form of a counted message a language uses for a count. The catalogues carry two forms
 * per counted message (`_one`, `_other`): every shipped language either has just those two
 * (en, de, es, fr, pt-BR), only one (zh, ja, ko: both forms are the same text) or is written so
 * that one form covers the rest (ru: "осталось: N" reads right for few, many and other alike).
 *
 * The rules are those of the catalogue's language, not of the browser's: the words being
 * inflected are the catalogue's (headless Chromium, for one, can pick the German catalogue while
 * its UI language stays en-US).
 */
type PluralForm = 'one' | 'other';

export function pluralForm(count: number, language: string): PluralForm {
  try {
    return pluralRules(language).select(count) === 'one' ? 'one' : 'other';
  } catch {
    // A malformed tag in a catalogue must not break the popup: the general form is always right enough.
    return 'other';
  }
}
