import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat, pluralRules, relativeTimeFormat } from '../../../lib/view/intl-formatters';

/** The formatters are reused per locale and options, and format exactly as freshly built ones do. */

describe('intl-formatters', () => {
  it('gives the same formatter for the same locale and options, another for others', () => {
    expect(numberFormat('de', { style: 'unit', unit: 'hour' })).toBe(numberFormat('de', { style: 'unit', unit: 'hour' }));
    expect(numberFormat('de', { style: 'unit', unit: 'hour' })).not.toBe(numberFormat('fr', { style: 'unit', unit: 'hour' }));
    expect(dateTimeFormat('en', { hour: '2-digit' })).not.toBe(dateTimeFormat('en', { hour: '2-digit', timeZone: 'UTC' }));
  });

  it.each(['en', 'de', 'ja', 'ru', 'zh-CN'])('formats as a new Intl object does (%s)', (locale) => {
    const at = Date.UTC(2026, 11, 5, 18, 15);
    const clock: Intl.DateTimeFormatOptions = { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' };
    expect(dateTimeFormat(locale, clock).format(at)).toBe(new Intl.DateTimeFormat(locale, clock).format(at));
    expect(numberFormat(locale, {}).format(12345)).toBe(new Intl.NumberFormat(locale).format(12345));
    expect(relativeTimeFormat(locale, { numeric: 'auto' }).format(-3, 'minute')).toBe(
      new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-3, 'minute'),
    );
    expect(pluralRules(locale).select(1)).toBe(new Intl.PluralRules(locale).select(1));
  });

  it('stays bounded: many distinct options still format right', () => {
    for (let digits = 0; digits <= 20; digits++)
      for (const locale of ['en', 'fr', 'es', 'ko'])
        expect(numberFormat(locale, { minimumFractionDigits: digits }).format(1)).toBe(
          new Intl.NumberFormat(locale, { minimumFractionDigits: digits }).format(1),
        );
  });

  it('a malformed locale still throws, as Intl does, and is not kept', () => {
    expect(() => pluralRules('not a tag!')).toThrow(RangeError);
    expect(() => pluralRules('not a tag!')).toThrow(RangeError);
  });
});
