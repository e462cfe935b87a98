import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * fakeBrowser does not implement i18n; answer from the shipped English catalogue so that tests
 * see the same strings a user does.
 */
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
// Resolved as a path: under happy-dom the global URL is the DOM's, which cannot resolve file: URLs for readFileSync.
const locales = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/_locales');

function readCatalogue(locale: string): Catalogue {
  return JSON.parse(readFileSync(path.join(locales, locale, 'messages.json'), 'utf8')) as Catalogue;
}

/** getMessage over one shipped catalogue, substituting placeholders as the browser does. */
function messagesOf(catalogue: Catalogue) {
  return (key: string, substitutions?: string | string[]): string => {
    const entry = catalogue[key];
    if (!entry) return '';
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    let text = entry.message;
    for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
      const index = Number(placeholder.content.slice(1)) - 1;
      text = text.replaceAll(`$${name}$`, values[index] ?? '');
    }
    return text;
  };
}

export const englishMessage = messagesOf(readCatalogue('en'));

/**
 * Answers i18n from another shipped catalogue (a public/_locales folder name) and UI language,
 * until the next test: for tests of what a user of that language sees.
 */
export function useCatalogue(locale: string, uiLanguage: string): void {
  Object.assign(fakeBrowser.i18n, { getMessage: messagesOf(readCatalogue(locale)), getUILanguage: () => uiLanguage });
}

function installI18n(): void {
  Object.assign(fakeBrowser.i18n, {
    getMessage: englishMessage,
    getUILanguage: () => 'en-US',
  });
}

installI18n();
beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});
