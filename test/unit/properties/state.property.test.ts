import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyReading } from '../../../lib/core/apply-reading';
import { readingFromQuotaObject } from '../core/reading-from-quota-object';
import { badgeFor } from '../../../lib/alerts/quota-badge';
import {
  MAX_ACCOUNTS,
  MAX_FEATURES_PER_ACCOUNT,
  MAX_UNKNOWN_FIELDS,
  activeAccountState,
  emptyQuotaState,
  quotaStateSchema,
  type QuotaState,
} from '../../../lib/core/quota-state';
import { READING_SOURCES, type Reading } from '../../../lib/core/quota-types';

/**
 * Any sequence of valid readings, folded as the background folds them, gives a state that the
 * stored-state schema accepts and that stays bounded. Readings are made the way the extension
 * makes them: a wire object through the parser; only accepted ones are folded.
 */

const T0 = 1_790_000_000_000;
const KNOWN = ['image_gen', 'deep_research', 'odyssey', 'file_upload', 'paste_text_to_file', 'reason', 'dictation', 'send', 'tpp_send'];

const time = fc.oneof(
  fc.constant(''),
  fc.integer({ min: T0 - 86_400_000, max: T0 + 40 * 86_400_000 }).map((at) => new Date(at).toISOString().replace('Z', '123+00:00')),
);

function wireObject(name: fc.Arbitrary<string>, text: fc.Arbitrary<string>, maxItems: number) {
  const item = fc.record({ feature_name: name, remaining: fc.nat({ max: 1200 }), reset_after: time });
  const blocked = fc.oneof(
    name,
    fc.record({
      name,
      resets_after: time,
      resets_after_text: text,
      limit: fc.option(fc.double({ min: 0, max: 1000, noNaN: true })),
      description: fc.option(text),
    }),
  );
  const model = fc.record({
    model_slug: name,
    using_default_model_slug: fc.option(name),
    resets_after: time,
    description: fc.option(text),
  });
  return fc.record(
    {
      type: fc.constant('conversation_detail_metadata'),
      limits_progress: fc.option(fc.array(item, { maxLength: maxItems })),
      blocked_features: fc.option(fc.array(blocked, { maxLength: maxItems })),
      model_limits: fc.option(fc.array(model, { maxLength: maxItems })),
      default_model_slug: fc.option(name),
      surprise_field: fc.option(fc.string()),
    },
    { requiredKeys: ['type'] },
  );
}

function readingsOf(name: fc.Arbitrary<string>, text: fc.Arbitrary<string>, maxItems: number) {
  const step = fc.record({
    wire: wireObject(name, text, maxItems),
    source: fc.constantFrom(...READING_SOURCES.filter((source) => source !== 'codex')),
    advance: fc.integer({ min: 0, max: 6 * 3_600_000 }),
    account: fc.constantFrom(...Array.from({ length: 14 }, (_, index) => `acct-${index.toString(16).padStart(16, '0')}`)),
  });
  return fc.array(step, { minLength: 1, maxLength: 40 });
}

function fold(steps: { wire: unknown; source: Reading['source']; advance: number; account: string }[]): QuotaState {
  let state = emptyQuotaState();
  let at = T0;
  for (const step of steps) {
    at += step.advance;
    const result = readingFromQuotaObject(step.wire, { source: step.source, receivedAt: at });
    // The only wire objects made here that the parser may refuse are those naming a member of
    // Object.prototype (`__proto__`, `constructor`...): such a name is rejected as reserved.
    if (!result.ok) {
      expect(result.error).toMatch(/reserved name/);
      continue;
    }
    state = applyReading(state, result.reading, step.account);
  }
  return state;
}

function expectBounded(state: QuotaState, maxBytesPerAccount: number): void {
  expect(quotaStateSchema.safeParse(state).success).toBe(true);
  // What storage gives back is what was folded, except a feature literally named "__proto__",
  // which zod's record parse drops (it never becomes the prototype).
  const stored = quotaStateSchema.parse(JSON.parse(JSON.stringify(state)));
  const withoutProto = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);
  expect(stored).toEqual(JSON.parse(JSON.stringify(state, withoutProto)));
  for (const account of Object.values(stored.accounts)) expect(Object.getPrototypeOf(account.features)).toBe(Object.prototype);
  const accounts = Object.values(state.accounts);
  expect(accounts.length).toBeLessThanOrEqual(MAX_ACCOUNTS);
  // The active account exists once any reading was folded (every one may have been refused).
  if (accounts.length > 0) expect(state.accounts[state.activeAccount]).toBeDefined();
  for (const account of accounts) {
    expect(Object.getPrototypeOf(account.features)).toBe(Object.prototype);
    for (const [key, feature] of Object.entries(account.features)) expect(feature.name).toBe(key);
    expect(Object.keys(account.features).length).toBeLessThanOrEqual(MAX_FEATURES_PER_ACCOUNT);
    expect(account.unknownFields.length).toBeLessThanOrEqual(MAX_UNKNOWN_FIELDS);
    expect(JSON.stringify(account).length).toBeLessThan(maxBytesPerAccount);
  }
  const badge = badgeFor(activeAccountState(state), T0);
  expect(badge.text === '' || badge.text === '999+' || /^\d{1,3}$/.test(badge.text)).toBe(true);
}

describe('state after any sequence of readings', () => {
  it('realistic readings: valid, and a few KB per account', () => {
    const name = fc.oneof(fc.constantFrom(...KNOWN), fc.constantFrom('hologram_gen', 'voice', 'canvas'));
    const text = fc.string({ maxLength: 60 });
    fc.assert(
      fc.property(readingsOf(name, text, 12), (steps) => expectBounded(fold(steps), 8 * 1024)),
      { numRuns: 100 },
    );
  }, 60_000);

  it('absurd readings (many distinct names): valid, and bounded', () => {
    const name = fc.oneof(
      fc
        .string({ unit: 'binary', minLength: 1, maxLength: 40 })
        .map((text) => text.trim())
        .filter((text) => text.length > 0),
      // Names that an object literal treats specially.
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'image_gen'),
    );
    const text = fc.string({ maxLength: 100 });
    // 64 features of 40-character names, 40 blocked and 40 model limits with 100-character texts.
    fc.assert(
      fc.property(readingsOf(name, text, 40), (steps) => expectBounded(fold(steps), 96 * 1024)),
      { numRuns: 40 },
    );
  }, 60_000);
});
