import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCodexReading } from '../../../lib/core/apply-codex-usage';
import { findingSchema } from '../../../lib/channel/page-message-schema';
import { readingFromFinding } from '../../../lib/core/finding-readings';
import { parseCodexUsage } from '../../../lib/core/parse-codex-usage';
import { emptyQuotaState, quotaStateSchema } from '../../../lib/core/quota-state';
import { findingFromCodexBody } from '../../../lib/page/page-findings';
import { codexBodyNames, codexBodyText } from '../core/codex-bodies';
import { mutatedValue } from './mutations';

/**
 * The Codex usage parser never throws, and what it accepts is always a valid share of a window:
 * whatever the page sends, the state it gives reads back through the stored-state schema.
 */

const AT = 1_790_000_000_000;

function expectValidUsage(result: ReturnType<typeof parseCodexUsage>): void {
  if (!result.ok) return expect(typeof result.error).toBe('string');
  const { windows, credits } = result.usage;
  expect(windows.length > 0 || credits !== null).toBe(true);
  for (const window of windows) {
    expect(window.name.startsWith('codex:')).toBe(true);
    expect(window.model === null || (window.model.length <= 64 && !/[\p{Cc}\p{Cf}]/u.test(window.model))).toBe(true);
    expect(window.usedPercent >= 0 && window.usedPercent <= 100).toBe(true);
    expect(window.resetsAt === null || Number.isSafeInteger(window.resetsAt)).toBe(true);
    expect(window.windowSeconds === null || (Number.isSafeInteger(window.windowSeconds) && window.windowSeconds > 0)).toBe(true);
  }
}

/** Through the page's picker and the finding reader, then folded into state: the state stays storable. */
function expectStorable(text: string): 'accepted' | 'rejected' {
  const finding = findingFromCodexBody(text);
  if (finding.kind !== 'codex-usage') return 'rejected';
  expectValidUsage(parseCodexUsage(finding.usage));
  const result = readingFromFinding(findingSchema.parse(finding), AT);
  if (!result?.ok || result.kind !== 'codex') return 'rejected';
  const state = applyCodexReading(emptyQuotaState(), result.reading, 'account');
  expect(quotaStateSchema.safeParse(JSON.parse(JSON.stringify(state))).success).toBe(true);
  return 'accepted';
}

describe('the Codex usage parser on hostile input', () => {
  it('any value at all: never throws, rejected or valid', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), (value) => {
        expectValidUsage(parseCodexUsage(value));
      }),
      { numRuns: 500 },
    );
  });

  it('any JSON text through the page: never throws, rejected or storable', () => {
    fc.assert(
      fc.property(fc.json(), (text) => void expectStorable(text)),
      { numRuns: 300 },
    );
  });

  it('mutations of the synthetic bodies: never throws, rejected or storable', () => {
    const bodies = codexBodyNames().map((name) => JSON.parse(codexBodyText(name)) as unknown);
    const outcomes = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(mutatedValue(bodies), (value) => {
        const text = JSON.stringify(value);
        if (text !== undefined) outcomes[expectStorable(text)] += 1;
      }),
      { numRuns: 800 },
    );
    expect(outcomes.accepted).toBeGreaterThan(100);
    expect(outcomes.rejected).toBeGreaterThan(20);
  });
});
