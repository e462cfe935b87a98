/**
 * Features seen on the wire (protocol.md section 2) and the message key of their readable name.
 * A name we do not know is shown, since new features appear without notice, but marked as unknown
 * and cut to UNKNOWN_NAME_CHARS: it is text the page chose (up to 200 characters could reach the
 * popup's row headings before issue 23).
 */
export const KNOWN_FEATURES = [
  'image_gen',
  'deep_research',
  'odyssey',
  'file_upload',
  'paste_text_to_file',
  'reason',
  'dictation',
  'send',
  'tpp_send',
  // Not a site feature: the legacy HTTP 429 model cap, kept as a blocked entry (lib/core/finding-readings.ts).
  'model_cap',
] as const;

export type KnownFeature = (typeof KNOWN_FEATURES)[number];

export function isKnownFeature(name: string): name is KnownFeature {
  return (KNOWN_FEATURES as readonly string[]).includes(name);
}

/** The i18n key for a known feature's name, or null for one we have never seen. */
function featureMessageKey(name: string): `feature_${KnownFeature}` | null {
  return isKnownFeature(name) ? `feature_${name}` : null;
}

/** The message keys a feature's label is made with. */
export type FeatureLabelKey = `feature_${KnownFeature}` | 'feature_unknown';

/** Real feature names are short snake_case words; past this an unknown name is cut, with an ellipsis. */
const UNKNOWN_NAME_CHARS = 32;

/** Readable name: the translated one when known, else "Unknown: name", the name cut to its bound. */
export function featureLabel(name: string, translate: (key: FeatureLabelKey, substitutions?: string[]) => string): string {
  const key = featureMessageKey(name);
  const label = key ? translate(key) : '';
  if (label && label !== key) return label;
  const short = name.length > UNKNOWN_NAME_CHARS ? `${name.slice(0, UNKNOWN_NAME_CHARS - 1)}…` : name;
  const marked = translate('feature_unknown', [short]);
  return marked && marked !== 'feature_unknown' ? marked : short;
}
