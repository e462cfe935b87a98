import { describe, expect, it } from 'vitest';
import { localeFolders, placeholderRefs, readCatalogue } from './locale-catalogues';

/**
 * Every shipped language says everything English says, with the same placeholders: a key missing
 * from one catalogue would show as the key itself to that language's users. English is the
 * reference; code is type-checked against its keys (lib/extension/i18n.ts).
 */
const SHIPPED = ['de', 'en', 'es', 'fr', 'ja', 'ko', 'pt_BR', 'ru', 'zh_CN', 'zh_TW'];
const english = readCatalogue('en');
/** How each description begins to say it is not OpenAI's. */
const UNOFFICIAL: Record<string, string> = {
  de: 'Inoffiziell',
  en: 'Unofficial',
  es: 'No oficial',
  fr: 'Non officiel',
  ja: '非公式',
  ko: '비공식',
  pt_BR: 'Não oficial',
  ru: 'Неофициальн',
  zh_CN: '非官方',
  zh_TW: '非官方',
};
const others = SHIPPED.filter((folder) => folder !== 'en');

describe('message catalogues', () => {
  it('ships exactly the ten languages', () => {
    expect(localeFolders()).toEqual(SHIPPED);
  });

  it.each(others)('%s has exactly the keys of en', (folder) => {
    expect(Object.keys(readCatalogue(folder)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(others)('%s uses the placeholders of en in every message, defined as in en', (folder) => {
    const catalogue = readCatalogue(folder);
    for (const [key, entry] of Object.entries(english)) {
      const translated = catalogue[key];
      expect(placeholderRefs(translated?.message ?? '').sort(), key).toEqual(placeholderRefs(entry.message).sort());
      expect(translated?.placeholders, key).toEqual(entry.placeholders);
    }
  });

  it.each(SHIPPED)('%s has no empty message, and names its own language in popup_lang', (folder) => {
    const catalogue = readCatalogue(folder);
    for (const [key, entry] of Object.entries(catalogue)) expect(entry.message.trim(), key).not.toBe('');
    // The folder name is Chrome's (pt_BR); popup_lang is the BCP 47 tag of the same language.
    expect(catalogue.popup_lang?.message).toBe(Intl.getCanonicalLocales(folder.replace('_', '-'))[0]);
  });

  it.each(others)('%s translates every sentence rather than copying the English', (folder) => {
    const catalogue = readCatalogue(folder);
    // Short texts may rightly stay as they are: "Quotas" in French, "Version $p1$" in German.
    const copied = Object.keys(english).filter(
      (key) => english[key]!.message.length > 24 && catalogue[key]?.message === english[key]!.message,
    );
    expect(copied).toEqual([]);
  });

  it.each(SHIPPED)('%s store listing fits the manifest limits and says it is unofficial', (folder) => {
    const catalogue = readCatalogue(folder);
    // Chrome's manifest reference: name at most 75 characters, description at most 132.
    expect([...catalogue.extension_name!.message].length).toBeLessThanOrEqual(75);
    expect([...catalogue.extension_description!.message].length).toBeLessThanOrEqual(132);
    expect(catalogue.extension_description!.message).toContain(UNOFFICIAL[folder]);
    expect(catalogue.extension_description!.message).toContain('OpenAI');
  });

  it('gives every counted message both forms tPlural picks from', () => {
    const keys = new Set(Object.keys(english));
    const counted = [...keys].filter((key) => /_(one|other)$/.test(key));
    expect(counted.length).toBeGreaterThan(0);
    for (const key of counted) {
      const base = key.replace(/_(one|other)$/, '');
      expect(keys.has(`${base}_one`) && keys.has(`${base}_other`), base).toBe(true);
      expect(keys.has(base), `${base} is counted: only its forms are keys`).toBe(false);
    }
  });
});
