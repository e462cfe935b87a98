/**
 * Features seen on the wire (protocol.md section 2) and the message key of their readable name.
 * A name we do not know is shown as it comes: new features appear without notice.
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

/** Readable name: the translated one when known, else the raw name. */
export function featureLabel(name: string, translate: (key: `feature_${KnownFeature}`) => string): string {
  const key = featureMessageKey(name);
  const label = key ? translate(key) : '';
  return label && label !== key ? label : name;
}
