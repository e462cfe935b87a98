import { describe, expect, it } from 'vitest';
import { findingSchema } from '../../../lib/channel/page-message-schema';
import { readingFromFinding } from '../../../lib/core/finding-readings';
import { parseCodexUsage } from '../../../lib/core/parse-codex-usage';
import { findingFromCodexBody } from '../../../lib/page/page-findings';
import { codexBodyNames, codexBodyText, codexWindow } from './codex-bodies';

/** The Codex usage parser over the synthetic bodies (full, missing windows, nulls, odd types, credits only) and small shapes. */

const FIVE_HOURS = 18_000;
const WEEK = 604_800;

const BODIES: Record<string, ReturnType<typeof parseCodexUsage>> = {
  'codex-usage-full.json': {
    ok: true,
    usage: {
      windows: [
        codexWindow('primary', 37, 1_790_003_600_000, FIVE_HOURS),
        codexWindow('secondary', 12.5, 1_790_500_000_000, WEEK),
        codexWindow('code_review_primary', 0, 1_790_400_000_000, WEEK),
      ],
      credits: { hasCredits: true, unlimited: false, balance: 12.5 },
      plan: 'plus',
    },
    unknownFields: [],
  },
  'codex-usage-missing-windows.json': {
    ok: true,
    usage: { windows: [codexWindow('primary', 80, 1_790_003_600_000, FIVE_HOURS)], credits: null, plan: 'plus' },
    unknownFields: [],
  },
  'codex-usage-nulls.json': {
    ok: true,
    usage: { windows: [codexWindow('primary', 50, null, null)], credits: null, plan: null },
    unknownFields: [],
  },
  'codex-usage-odd-types.json': {
    ok: true,
    // "50" as a string and 140 are not shares: those windows are left out; a new window name is kept.
    usage: {
      windows: [codexWindow('tertiary', 5, 1_790_100_000_000, 86_400)],
      credits: { hasCredits: null, unlimited: null, balance: 7 },
      plan: null,
    },
    unknownFields: ['rate_limit.allowed'],
  },
  'codex-usage-credits-only.json': {
    ok: true,
    usage: { windows: [], credits: { hasCredits: true, unlimited: true, balance: null }, plan: 'pro' },
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
    expect(result?.ok && result.reading.codex).toEqual(expected.ok && expected.usage);
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
    windows: [codexWindow('primary', 10, 1_790_003_600_000, null)],
  },
  {
    name: 'odd window keys are not windows',
    value: { rate_limit: { __proto__window: W(1), 'Primary Window': W(2), primary: W(3) } },
    error: 'no Codex window or credits',
  },
  {
    name: 'balance as text that is not a number',
    value: { credits: { has_credits: false, balance: 'lots' } },
    credits: { hasCredits: false, unlimited: null, balance: null },
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
