import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiLocale } from '../../../lib/extension/i18n';
import { useCatalogue } from '../setup';

afterEach(() => useCatalogue('en', 'en-US'));

describe('uiLocale', () => {
  it('asks the browser once, however often a render formats', () => {
    const ask = vi.fn(() => 'de-DE');
    fakeBrowser.i18n.getUILanguage = ask;
    expect([uiLocale(), uiLocale(), uiLocale()]).toEqual(['de-DE', 'de-DE', 'de-DE']);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('asks again when the API function is another one', () => {
    useCatalogue('fr', 'fr-FR');
    expect(uiLocale()).toBe('fr-FR');
    useCatalogue('ja', 'ja');
    expect(uiLocale()).toBe('ja');
  });

  it('falls back to English when the browser answers nothing or throws', () => {
    fakeBrowser.i18n.getUILanguage = () => '';
    expect(uiLocale()).toBe('en');
    fakeBrowser.i18n.getUILanguage = () => {
      throw new Error('context invalidated');
    };
    expect(uiLocale()).toBe('en');
  });
});
