/**
 * Display names of model slugs the page states (lib/page/turn-model.ts), and which of them the
 * server counts itself. No cap or plan is attached to any of them (a cap is the user's, lib/alerts/settings.ts). A slug not in
 * the table is shown as it comes: it was bounded and sanitised in the page and checked again by the
 * background ([a-z0-9._-], 64 characters), so it can be shown as text.
 */
const KNOWN_MODEL_NAMES: Readonly<Record<string, string>> = {
  'gpt-4o': 'GPT-4o',
  'gpt-4o-mini': 'GPT-4o mini',
  'gpt-4-1': 'GPT-4.1',
  'gpt-4-5': 'GPT-4.5',
  o3: 'o3',
  'o3-pro': 'o3-pro',
  'o4-mini': 'o4-mini',
  'o4-mini-high': 'o4-mini-high',
  'gpt-5': 'GPT-5',
  'gpt-5-instant': 'GPT-5 Instant',
  'gpt-5-mini': 'GPT-5 mini',
  'gpt-5-thinking': 'GPT-5 Thinking',
  'gpt-5-t-mini': 'GPT-5 Thinking mini',
  'gpt-5-pro': 'GPT-5 Pro',
  'gpt-5-1': 'GPT-5.1',
  'gpt-5-2': 'GPT-5.2',
  'gpt-5-3': 'GPT-5.3',
};

export function modelName(slug: string): string {
  return Object.hasOwn(KNOWN_MODEL_NAMES, slug) ? (KNOWN_MODEL_NAMES[slug] ?? slug) : slug;
}

/**
 * Models whose turns the server itself counts down in `limits_progress`, on the plans that list the
 * feature: `reason` is "thinking messages", the turns GPT-5 Thinking answers. Where an account's
 * reading lists it, the server's meter leads: no counted meter is made for the model (no second
 * number on the badge, no second notice), and the popup shows the local count as a detail of it.
 */
const SERVER_FEATURE_OF_MODEL: Readonly<Record<string, string>> = { 'gpt-5-thinking': 'reason' };

/** The limits_progress feature that counts this model's turns, or null when the server counts it nowhere the page reads. */
export function serverFeatureOf(slug: string): string | null {
  return Object.hasOwn(SERVER_FEATURE_OF_MODEL, slug) ? (SERVER_FEATURE_OF_MODEL[slug] ?? null) : null;
}
