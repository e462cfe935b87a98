import { describe, expect, it } from 'vitest';
import { findingFromEventData, findingFromInitBody } from '../../../lib/page/page-findings';
import { readingFromPickedQuota } from '../../../lib/core/parse-quota-object';
import { readingFromQuotaObject } from './reading-from-quota-object';
import { MAX_LIST_ITEMS, MAX_STRING_LENGTH } from '../../../lib/page/quota-fields';
import { MAX_REMAINING } from '../../../lib/core/quota-object-schema';

/**
 * Values the page (or a forger) can hand over that are not a reading: each one is rejected whole,
 * with a reason, and nothing throws.
 */

const AT = 1_790_000_000_000;
const CDM = 'conversation_detail_metadata';
const GOOD = { feature_name: 'image_gen', remaining: 68, reset_after: '2026-04-17T18:15:51Z' };
const withFeature = (item: Record<string, unknown>) => ({ type: CDM, limits_progress: [{ ...GOOD, ...item }] });
const longText = 'x'.repeat(MAX_STRING_LENGTH + 1);

const REJECTED: [string, unknown][] = [
  ['negative remaining', withFeature({ remaining: -1 })],
  ['non-integer remaining', withFeature({ remaining: 2.5 })],
  ['remaining over the bound', withFeature({ remaining: MAX_REMAINING + 1 })],
  ['remaining Infinity (1e400 in JSON)', withFeature({ remaining: Infinity })],
  ['remaining NaN', withFeature({ remaining: NaN })],
  ['remaining as a string', withFeature({ remaining: '68' })],
  ['remaining missing', { type: CDM, limits_progress: [{ feature_name: 'image_gen' }] }],
  ['remaining null', withFeature({ remaining: null })],
  ['remaining as an object', withFeature({ remaining: { value: 68 } })],
  ['feature_name as a number', withFeature({ feature_name: 7 })],
  ['feature_name empty', withFeature({ feature_name: '' })],
  ['feature_name only spaces', withFeature({ feature_name: '   ' })],
  ['feature_name over 200 characters', withFeature({ feature_name: 'f'.repeat(201) })],
  ['feature_name over the string bound', withFeature({ feature_name: longText })],
  ['reset_after as a number', withFeature({ reset_after: 1776449751 })],
  ['limits_progress as an object', { type: CDM, limits_progress: { image_gen: GOOD } }],
  ['limits_progress as a string', { type: CDM, limits_progress: 'image_gen' }],
  ['limits_progress as an over-long string', { type: CDM, limits_progress: longText }],
  ['limits_progress as a number', { type: CDM, limits_progress: 3 }],
  ['blocked_features as an object', { type: CDM, blocked_features: { name: 'image_gen' } }],
  ['blocked_features holding a number', { type: CDM, blocked_features: [3] }],
  ['blocked_features holding null', { type: CDM, blocked_features: [null] }],
  ['blocked limit negative', { type: CDM, blocked_features: [{ name: 'image_gen', limit: -1 }] }],
  ['blocked limit as a string', { type: CDM, blocked_features: [{ name: 'image_gen', limit: '25.0' }] }],
  ['model_limits as true', { type: CDM, model_limits: true }],
  ['model_limits item without a slug', { type: CDM, model_limits: [{ resets_after: '' }] }],
  ['one bad item among good ones', { type: CDM, limits_progress: [GOOD, { ...GOOD, feature_name: 'x', remaining: -3 }] }],
  [
    'too many items',
    { type: CDM, limits_progress: Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, index) => ({ ...GOOD, feature_name: `f${index}` })) },
  ],
  ['far too many items', { type: CDM, blocked_features: Array.from({ length: 100_000 }, () => 'image_gen') }],
  ['`type` of another kind', { type: 'message_stream_complete', limits_progress: [GOOD] }],
  ['`type` as a number', { type: 1, limits_progress: [GOOD] }],
  ['`type` null', { type: null, limits_progress: [GOOD] }],
  ['no quota field at all', { default_model_slug: 'gpt-5-3', banner_info: null }],
  ['an empty object', {}],
  ['an array', [withFeature({})]],
  ['a string', JSON.stringify(withFeature({}))],
  ['truncated JSON text', JSON.stringify(withFeature({})).slice(0, 40)],
  ['a number', 68],
  ['null', null],
  ['undefined', undefined],
];

describe('readingFromQuotaObject rejects whole, never throws', () => {
  it.each(REJECTED)('%s', (_name, value) => {
    let result: ReturnType<typeof readingFromQuotaObject> | undefined;
    expect(() => {
      result = readingFromQuotaObject(value, { source: 'init', receivedAt: AT });
    }).not.toThrow();
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.error.length).toBeGreaterThan(0);
  });
});

describe('the background parser (picked quota, straight from a relay message) rejects the same', () => {
  it.each(REJECTED)('%s', (_name, value) => {
    expect(readingFromPickedQuota(value, { source: 'stream', receivedAt: AT }).ok).toBe(false);
  });

  it.each([
    ['an over-long reset_after', withFeature({ reset_after: longText })],
    ['an over-long description', { type: CDM, blocked_features: [{ name: 'image_gen', description: longText }] }],
    [
      'too many unknown field names',
      { type: CDM, limits_progress: [GOOD], unknown_fields: Array.from({ length: 65 }, (_, index) => `f${index}`) },
    ],
    ['an over-long unknown field name', { type: CDM, limits_progress: [GOOD], unknown_fields: ['u'.repeat(201)] }],
  ])('%s', (_name, value) => {
    expect(readingFromPickedQuota(value, { source: 'stream', receivedAt: AT }).ok).toBe(false);
  });
});

describe('in the page, over-long optional text is never carried', () => {
  // The picker turns text past the bound into null (unknown) before it leaves the page; the
  // reading stays, without the text.
  it('an over-long reset time or description becomes unknown', () => {
    const result = readingFromQuotaObject(
      {
        type: CDM,
        limits_progress: [{ ...GOOD, reset_after: longText }],
        blocked_features: [{ name: 'image_gen', description: longText }],
      },
      { source: 'init', receivedAt: AT },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reading.features).toEqual([{ name: 'image_gen', remaining: 68, resetsAt: null }]);
    expect(result.reading.blocked?.[0]?.description).toBeNull();
    expect(JSON.stringify(result)).not.toContain(longText.slice(0, 100));
  });
});

describe('the page side drops broken text without throwing', () => {
  const whole = JSON.stringify(withFeature({}));

  it.each([
    ['truncated', whole.slice(0, -1)],
    ['cut in half', whole.slice(0, whole.length / 2)],
    ['not JSON', `${CDM} but plain text`],
    ['JSON of another event', JSON.stringify({ type: 'title_generation', title: CDM })],
    ['a JSON string naming the type', JSON.stringify(CDM)],
  ])('an SSE event %s is no finding', (_name, data) => {
    expect(findingFromEventData(data, 'stream')).toBeNull();
  });

  it.each([
    ['truncated', whole.slice(0, -1), 'body is not JSON'],
    ['empty', '', 'body is not JSON'],
    ['an array', '[]', 'no quota fields'],
    ['null', 'null', 'no quota fields'],
    ['a legacy error body', '{"detail":{"code":"model_cap_exceeded","clears_in":9665}}', 'no quota fields'],
  ])('an init body %s is ignored with its reason', (_name, text, reason) => {
    expect(findingFromInitBody(text)).toEqual({ kind: 'ignored', carrier: 'init', reason });
  });
});
