/**
 * Free text from the server that the extension shows (a Codex limit's name, a model's metered
 * feature): bounded, and stripped of what could make it lie about its neighbours on screen or in
 * a notification. Control and format characters go (line breaks, zero-width and bidirectional
 * overrides such as U+202E), runs of spaces become one. Pure.
 */

/** Control characters and line separators: a break between words, so a space. */
const BREAKS = /[\p{Cc}\u2028\u2029]/gu;
/** Format characters (bidi controls, zero-width spaces and joiners, soft hyphen): nothing to show. */
const INVISIBLE = /\p{Cf}/gu;

/** The text cleaned and cut to `max` characters (whole code points), or null when nothing readable is left. */
export function cleanServerText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const clean = [...value.replace(BREAKS, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()].slice(0, max).join('').trim();
  return clean === '' ? null : clean;
}
