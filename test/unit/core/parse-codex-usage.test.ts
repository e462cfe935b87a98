import { describe, expect, it } from 'vitest';
import { findingSchema } from '../../../lib/channel/page-message-schema';
import { readingFromFinding } from '../../../lib/core/finding-readings';
import { parseCodexUsage } from '../../../lib/core/parse-codex-usage';
import { findingFromCodexBody } from '../../../lib/page/page-findings';
import { codexBodyNames, codexBodyText, codexCredits, codexWindow } from './codex-bodies';

/** The Codex usage parser over the synthetic bodies (full, missing windows, nulls, odd types, credits only) and small shapes. */

const FIVE_HOURS = 18_000;
const WEEK = 604_800;

const SPARK = { limit: 'model-gpt-5-3-codex-spark', model: 'GPT-5.3-Codex-Spark' };

const BODIES: Record<string, ReturnType<typeof parseCodexUsage>> = {
  'codex-usage-full.json': {
    ok: true,
    usage: {
      windows: [
        codexWindow('primary', 37, 1_790_003_600_000, FIVE_HOURS),
        codexWindow('secondary', 12.5, 1_790_500_000_000, WEEK),
        codexWindow('code_review_primary', 0, 1_790_400_000_000, WEEK),
      ],
      credits: codexCredits({ hasCredits: true, unlimited: false, balance: 12.5 }),
      resetCredits: null,
      plan: 'plus',
    },
    unknownFields: [],
  },
  'codex-usage-missing-windows.json': {
    ok: true,
    usage: { windows: [codexWindow('primary', 80, 1_790_003_600_000, FIVE_HOURS)], credits: null, resetCredits: null, plan: 'plus' },
    unknownFields: [],
  },
  'codex-usage-nulls.json': {
    ok: true,
    // No length: the window is named by its slot.
    usage: { windows: [codexWindow('main/primary', 50, null, null)], credits: null, resetCredits: null, plan: null },
    unknownFields: [],
  },
  'codex-usage-odd-types.json': {
    ok: true,
    // "50" as a string and 140 are not shares: those windows are left out; a new window name is kept, named by its length.
    usage: {
      windows: [codexWindow('main/86400', 5, 1_790_100_000_000, 86_400)],
      credits: codexCredits({ balance: 7 }),
      resetCredits: null,
      plan: null,
    },
    unknownFields: [],
  },
  'codex-usage-credits-only.json': {
    ok: true,
    usage: { windows: [], credits: codexCredits({ hasCredits: true, unlimited: true }), resetCredits: null, plan: 'pro' },
    unknownFields: [],
  },
  'codex-usage-per-model.json': {
    ok: true,
    usage: {
      windows: [
        // The weekly window in the primary slot is the weekly window.
        codexWindow('secondary', 41, 1_790_500_000_000, WEEK),
        // limit_reached with 92% used: the window with the largest share is the one used up.
        codexWindow('model-gpt-5-3-codex-spark/18000', 92, 1_790_003_600_000, FIVE_HOURS, { ...SPARK, reached: true }),
        codexWindow('model-gpt-5-3-codex-spark/604800', 55, 1_790_400_000_000, WEEK, SPARK),
      ],
      credits: codexCredits({
        hasCredits: true,
        unlimited: false,
        balance: 8.25,
        approxLocalMessages: [40, 200],
        approxCloudMessages: [10, 50],
        spendReached: false,
      }),
      // Two unused credits, soonest first; the used one is not one that may expire unused.
      resetCredits: { available: 2, expiries: [1_790_300_000_000, 1_790_900_000_000] },
      plan: 'pro',
    },
    unknownFields: ['user_id', 'account_id'],
  },
  'codex-usage-odd-limits.json': {
    ok: true,
    usage: {
      windows: [
        // allowed "no" and limit_reached 1 are not the server's word: not reached.
        codexWindow('primary', 30, 1_790_003_600_000, FIVE_HOURS),
        // The name is cleaned (no bidi override, no control, no line break) and cut to 64 characters.
        codexWindow('model-model-with-breaks-and-a-name-far-longer/18000', 10, 1_790_003_600_000, FIVE_HOURS, {
          limit: 'model-model-with-breaks-and-a-name-far-longer',
          model: 'MODEL with breaks and a name far longer than any model name shou',
        }),
        // A name that is not text leaves the limit unnamed (known by its place in the list); a length as text is unknown.
        codexWindow('model-5/primary', 20, null, null, { limit: 'model-5', model: null }),
      ],
      credits: codexCredits({ spendReached: true }),
      resetCredits: { available: 3, expiries: [Date.parse('2026-09-20T10:00:00Z')] },
      plan: null,
    },
    unknownFields: [],
  },
};

describe('the synthetic bodies, through the page finding and the finding reader', () => {
  it('covers every Codex body in the folder', () => {
    expect(Object.keys(BODIES).sort()).toEqual(codexBodyNames());
  });

  it.each(Object.entries(BODIES))('%s', (name, expected) => {
    const finding = findingFromCodexBody(codexBodyText(name));
    expect(finding.kind).toBe('codex-usage');
    expect(finding.kind === 'codex-usage' && parseCodexUsage(finding.usage)).toEqual(expected);
    const result = readingFromFinding(findingSchema.parse(finding), 1_790_000_000_000);
    expect(result?.ok && result.kind === 'codex' && result.reading.usage).toEqual(expected.ok && expected.usage);
    expect(result?.ok && result.reading.source).toBe('codex');
  });
});

const W = (used: unknown, reset: unknown = 1_790_003_600, seconds: unknown = FIVE_HOURS) => ({
  used_percent: used,
  reset_at: reset,
  limit_window_seconds: seconds,
});

const SHAPES: { name: string; value: unknown; windows?: unknown[]; credits?: unknown; error?: string }[] = [
  { name: 'not an object', value: [1, 2], error: 'Codex usage is not an object' },
  { name: 'empty object', value: {}, error: 'no Codex window or credits' },
  { name: 'rate_limit null, credits missing', value: { rate_limit: null }, error: 'no Codex window or credits' },
  {
    name: 'both windows null',
    value: { rate_limit: { primary_window: null, secondary_window: null } },
    error: 'no Codex window or credits',
  },
  {
    name: 'credits all null',
    value: { credits: { has_credits: null, unlimited: null, balance: null } },
    error: 'no Codex window or credits',
  },
  {
    name: 'used_percent at the edges',
    value: { rate_limit: { primary_window: W(0), secondary_window: W(100, 1_790_500_000, WEEK) } },
    windows: [codexWindow('primary', 0, 1_790_003_600_000), codexWindow('secondary', 100, 1_790_500_000_000, WEEK)],
  },
  { name: 'negative used_percent is not a share', value: { rate_limit: { primary_window: W(-1) } }, error: 'no Codex window or credits' },
  {
    name: 'NaN-like and boolean shares',
    value: { rate_limit: { primary_window: W(true), secondary_window: W({}) } },
    error: 'no Codex window or credits',
  },
  {
    name: 'reset_at in milliseconds is not a time',
    value: { rate_limit: { primary_window: W(10, 1_790_003_600_000) } },
    windows: [codexWindow('primary', 10, null)],
  },
  {
    name: 'a window length over a year is unknown',
    value: { rate_limit: { primary_window: W(10, 1_790_003_600, 40_000_000) } },
    windows: [codexWindow('main/primary', 10, 1_790_003_600_000, null)],
  },
  {
    name: 'odd window keys are not windows',
    value: { rate_limit: { __proto__window: W(1), 'Primary Window': W(2), primary: W(3) } },
    error: 'no Codex window or credits',
  },
  {
    name: 'balance as text that is not a number',
    value: { credits: { has_credits: false, balance: 'lots' } },
    credits: codexCredits({ hasCredits: false }),
  },
  {
    name: 'allowed false on the main limit: its fullest window is used up',
    value: { rate_limit: { allowed: false, primary_window: W(70), secondary_window: W(20, 1_790_500_000, WEEK) } },
    windows: [
      codexWindow('primary', 70, 1_790_003_600_000, FIVE_HOURS, { reached: true }),
      codexWindow('secondary', 20, 1_790_500_000_000, WEEK),
    ],
  },
  {
    name: 'rate_limit_reached_type names the slot that is used up',
    value: {
      rate_limit: {
        limit_reached: true,
        rate_limit_reached_type: 'secondary_window',
        primary_window: W(70),
        secondary_window: W(20, 1_790_500_000, WEEK),
      },
    },
    windows: [codexWindow('primary', 70, 1_790_003_600_000), codexWindow('secondary', 20, 1_790_500_000_000, WEEK, { reached: true })],
  },
  {
    name: 'two models of one name keep the first',
    value: {
      additional_rate_limits: [
        { limit_name: 'Spark', rate_limit: { primary_window: W(1) } },
        { limit_name: 'spark', rate_limit: { primary_window: W(2) } },
      ],
    },
    windows: [codexWindow('model-spark/18000', 1, 1_790_003_600_000, FIVE_HOURS, { limit: 'model-spark', model: 'Spark' })],
  },
  {
    name: 'reset credits alone are a reading; a count out of range is unknown',
    value: { rate_limit_reset_credits: { available_count: -1, credits: [{ status: 'AVAILABLE', expires_at: 1_790_300_000 }] } },
    windows: [],
  },
  {
    name: 'ranges that are not two numbers in order are unknown; a numeric string is a number',
    value: { credits: { approx_local_messages: ['5', 9], approx_cloud_messages: [1, 2, 3] } },
    credits: codexCredits({ approxLocalMessages: [5, 9] }),
  },
  {
    name: 'reset credits with nothing usable',
    value: { rate_limit_reset_credits: { available_count: null, credits: null } },
    error: 'no Codex window or credits',
  },
];

describe('shapes', () => {
  it.each(SHAPES)('$name', ({ value, windows, credits, error }) => {
    const result = parseCodexUsage(value);
    if (error !== undefined) return expect(result).toEqual({ ok: false, error });
    expect(result.ok).toBe(true);
    if (windows !== undefined) expect(result.ok && result.usage.windows).toEqual(windows);
    if (credits !== undefined) expect(result.ok && result.usage.credits).toEqual(credits);
  });

  it('a Codex finding from another carrier is not a reading', () => {
    const finding = { kind: 'codex-usage', carrier: 'stream', usage: { rate_limit: { primary_window: W(5) } } } as const;
    expect(readingFromFinding(finding, 0)).toEqual({ ok: false, error: 'Codex usage from stream' });
  });

  it('a body that is not JSON, or has no Codex field, is ignored with its reason', () => {
    expect(findingFromCodexBody('<html>')).toEqual({ kind: 'ignored', carrier: 'codex-usage', reason: 'body is not JSON' });
    expect(findingFromCodexBody('{"detail":"Unauthorized"}')).toEqual({
      kind: 'ignored',
      carrier: 'codex-usage',
      reason: 'no Codex limit fields',
    });
  });
});
