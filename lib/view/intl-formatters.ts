/**
 * Intl's formatters, built once per locale and options and then reused. Building one looks up the
 * locale's data each time, and a popup frame formats dozens of durations, clock times and counts
 * (every feature row, every tick): measured in the popup's first load, building them anew was a
 * visible share of its script time. Formatting itself is unchanged, so results are the same.
 */

/** Far above the distinct formatters one page uses (a handful per locale); past it, the cache starts afresh. */
const MAX_FORMATTERS = 64;
const formatters = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  const known = formatters.get(key) as T | undefined;
  if (known !== undefined) return known;
  const made = make();
  if (formatters.size >= MAX_FORMATTERS) formatters.clear();
  formatters.set(key, made);
  return made;
}

const keyOf = (kind: string, locale: string, options: object) => `${kind}|${locale}|${JSON.stringify(options)}`;

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(keyOf('number', locale, options), () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(keyOf('date', locale, options), () => new Intl.DateTimeFormat(locale, options));
}

export function relativeTimeFormat(locale: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return cached(keyOf('relative', locale, options), () => new Intl.RelativeTimeFormat(locale, options));
}

export function pluralRules(locale: string): Intl.PluralRules {
  return cached(keyOf('plural', locale, {}), () => new Intl.PluralRules(locale));
}
