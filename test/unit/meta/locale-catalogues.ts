import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The message catalogues as shipped: public/_locales/<folder>/messages.json, read as data. */

export type CatalogueEntry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
export type Catalogue = Record<string, CatalogueEntry>;

export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public/_locales');

export function localeFolders(dir = LOCALES_DIR): string[] {
  return readdirSync(dir).sort();
}

export function readCatalogue(folder: string, dir = LOCALES_DIR): Catalogue {
  return JSON.parse(readFileSync(path.join(dir, folder, 'messages.json'), 'utf8')) as Catalogue;
}

/** The `$name$` references a message makes, in order of first use. */
export function placeholderRefs(message: string): string[] {
  return [...new Set(message.match(/\$[A-Za-z0-9_]+\$/g) ?? [])];
}
