import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './extension-build';

/**
 * The shipped English messages, so that specs look for what a user reads without copying the
 * wording: a changed sentence in the catalogue does not break the suite, a missing one does.
 */
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A shipped catalogue (public/_locales/<locale>/messages.json), for specs of another language. */
export function catalogueOf(locale: string): Catalogue {
  return JSON.parse(readFileSync(path.join(repoRoot, 'public/_locales', locale, 'messages.json'), 'utf8')) as Catalogue;
}

const catalogue = catalogueOf('en');

export function englishText(key: string): string {
  const entry = catalogue[key];
  if (!entry) throw new Error(`no English message ${key}`);
  return entry.message;
}

/**
 * The message with its substitutions filled in as browser.i18n.getMessage does ($name$ -> the
 * placeholder's content, $1 -> the first substitution), or '' when the catalogue has none (for lib's
 * featureLabel, which then shows the raw name).
 */
export function englishTextOrNothing(key: string, substitutions: readonly string[] = []): string {
  const entry = catalogue[key];
  if (!entry) return '';
  return entry.message.replace(/\$(\w+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? whole;
    return content.replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}

/** The fixed words of a message, between its placeholders ("$p1$"), each trimmed. */
export function fixedParts(key: string): string[] {
  return englishText(key)
    .split(/\$\w+\$/)
    .map((part) => part.trim())
    .filter((part) => part.length > 1);
}
