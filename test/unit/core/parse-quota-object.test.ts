import { describe, expect, it } from 'vitest';
import { readingFromQuotaObject } from './reading-from-quota-object';
import type { Reading } from '../../../lib/core/quota-types';

/** Shapes protocol.md section 2 describes, each as a small object and the reading it must give. */

const AT = 1_790_000_000_000;
const CDM = 'conversation_detail_metadata';
const IMAGE = { feature_name: 'image_gen', remaining: 68, reset_after: '2026-04-17T18:15:51Z' };
const IMAGE_FEATURE = { name: 'image_gen', remaining: 68, resetsAt: 1776449751000 };
const NOTHING = { features: null, blocked: null, modelLimits: null, defaultModel: null, unknownFields: [] };

const CASES: { name: string; value: unknown; reading: Partial<Reading> }[] = [
  { name: 'init without `type`', value: { limits_progress: [IMAGE] }, reading: { features: [IMAGE_FEATURE] } },
  { name: 'limits_progress null', value: { type: CDM, limits_progress: null }, reading: { features: null } },
  { name: 'limits_progress missing', value: { type: CDM, blocked_features: [] }, reading: { features: null, blocked: [] } },
  { name: 'limits_progress empty', value: { type: CDM, limits_progress: [] }, reading: { features: [] } },
  {
    name: 'microsecond "+00:00" reset time',
    value: { limits_progress: [{ feature_name: 'image_gen', remaining: 3, reset_after: '2026-09-16T16:42:07.853628+00:00' }] },
    reading: { features: [{ name: 'image_gen', remaining: 3, resetsAt: 1789576927853 }] },
  },
  {
    name: 'empty reset_after is unknown',
    value: { limits_progress: [{ feature_name: 'file_upload', remaining: 80, reset_after: '' }] },
    reading: { features: [{ name: 'file_upload', remaining: 80, resetsAt: null }] },
  },
  {
    name: 'unparseable or missing reset_after is unknown',
    value: {
      limits_progress: [
        { feature_name: 'a', remaining: 1, reset_after: 'tomorrow' },
        { feature_name: 'b', remaining: 2, reset_after: null },
        { feature_name: 'c', remaining: 3 },
      ],
    },
    reading: {
      features: [
        { name: 'a', remaining: 1, resetsAt: null },
        { name: 'b', remaining: 2, resetsAt: null },
        { name: 'c', remaining: 3, resetsAt: null },
      ],
    },
  },
  {
    name: 'unknown feature names are kept as they come',
    value: { limits_progress: [{ feature_name: 'hologram_gen', remaining: 7, reset_after: '' }, IMAGE] },
    reading: { features: [{ name: 'hologram_gen', remaining: 7, resetsAt: null }, IMAGE_FEATURE] },
  },
  {
    name: 'a feature listed twice keeps its first entry',
    value: { limits_progress: [IMAGE, { ...IMAGE, remaining: 1 }] },
    reading: { features: [IMAGE_FEATURE] },
  },
  {
    name: 'blocked_features as bare strings (early captures)',
    value: { type: CDM, blocked_features: ['image_gen'] },
    reading: {
      blocked: [{ name: 'image_gen', resetsAt: null, resetsAfterText: null, limit: null, description: null, reason: null }],
    },
  },
  {
    name: 'blocked feature with a float limit, localized text and a reason',
    value: {
      blocked_features: [
        {
          name: 'deep_research',
          resets_after: '2026-09-18T01:18:40.634111+00:00',
          resets_after_text: '9小时 内',
          limit: 25.5,
          description: '已达上限',
          call_to_action: { kind: 'upsell' },
          upsell_context_id: 'ctx',
          block_reason: 'usage_limit',
        },
      ],
    },
    reading: {
      blocked: [
        {
          name: 'deep_research',
          resetsAt: 1789694320634,
          resetsAfterText: '9小时 内',
          limit: 25.5,
          description: '已达上限',
          reason: 'usage_limit',
        },
      ],
    },
  },
  {
    name: 'model limits with their fallback',
    value: { model_limits: [{ model_slug: 'gpt-5-6', using_default_model_slug: 'gpt-5-3', resets_after: '', description: 'capped' }] },
    reading: { modelLimits: [{ model: 'gpt-5-6', fallback: 'gpt-5-3', resetsAt: null, description: 'capped' }] },
  },
  {
    name: 'unknown fields are reported by name only, values dropped',
    value: {
      type: CDM,
      surprise: { secret: 'VALUE-NEVER-KEPT' },
      limits_progress: [{ ...IMAGE, window_hours: 'VALUE-NEVER-KEPT' }],
      conversation_id: 'VALUE-NEVER-KEPT',
      banner_info: { text: 'VALUE-NEVER-KEPT' },
    },
    reading: { features: [IMAGE_FEATURE], unknownFields: ['surprise', 'limits_progress[].window_hours'] },
  },
  {
    name: 'default model slug',
    value: { type: CDM, default_model_slug: 'gpt-5-3', intended_default_model_slug: 'gpt-5-6' },
    reading: { defaultModel: 'gpt-5-3' },
  },
  {
    name: 'names are trimmed',
    value: { limits_progress: [{ ...IMAGE, feature_name: '  image_gen ' }] },
    reading: { features: [IMAGE_FEATURE] },
  },
];

describe('readingFromQuotaObject: shapes seen on the wire', () => {
  it.each(CASES)('$name', ({ value, reading }) => {
    const result = readingFromQuotaObject(value, { source: 'stream', receivedAt: AT });
    expect(result).toEqual({ ok: true, reading: { source: 'stream', receivedAt: AT, ...NOTHING, ...reading } });
    expect(JSON.stringify(result)).not.toContain('VALUE-NEVER-KEPT');
  });
});
