import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingSchema } from '../../../lib/channel/page-message-schema';
import { applyMemoryReading } from '../../../lib/core/apply-reading';
import { readingFromFinding } from '../../../lib/core/finding-readings';
import { memoryPercentFull, parseMemory, type MemoryUsage } from '../../../lib/core/memory-usage';
import { emptyQuotaState, quotaStateSchema } from '../../../lib/core/quota-state';
import { findingFromMemoryBody } from '../../../lib/page/page-findings';
import { fixtureNames, fixtureText } from '../fixtures';

/** How full memory is, from the memories body: the two numbers only, tolerant of every odd form. */

const AT = 1_790_000_000_000;
const CANARY = 'CANARY-memory-text-never-leaves';

const BODIES: Record<string, MemoryUsage> = {
  'memories-full.json': { usedTokens: 4150, maxTokens: 5000 },
  // A count as text is a count; a missing maximum stays unknown.
  'memories-odd.json': { usedTokens: 1200, maxTokens: null },
};

describe('the synthetic memories bodies, through the page finding and the finding reader', () => {
  it('covers every memories body in the folder', () => {
    expect(Object.keys(BODIES).sort()).toEqual(fixtureNames('synthetic').filter((name) => name.startsWith('memories-')));
  });

  it.each(Object.entries(BODIES))('%s', (name, expected) => {
    const finding = findingFromMemoryBody(fixtureText('synthetic', name));
    expect(finding.kind).toBe('memory');
    // Only the two numbers leave the page: no memory's text, id or date.
    expect(Object.keys(finding.kind === 'memory' ? finding.memory : {}).sort()).toEqual(['memory_max_tokens', 'memory_num_tokens']);
    const result = readingFromFinding(findingSchema.parse(finding), AT);
    expect(result).toEqual({ ok: true, kind: 'memory', reading: { source: 'memory', receivedAt: AT, memory: expected } });
  });
});

describe('odd forms of each number', () => {
  it.each<[string, unknown, MemoryUsage | null]>([
    ['numbers', { memory_num_tokens: 10, memory_max_tokens: 100 }, { usedTokens: 10, maxTokens: 100 }],
    ['numeric strings', { memory_num_tokens: ' 10 ', memory_max_tokens: '100' }, { usedTokens: 10, maxTokens: 100 }],
    ['a fraction is rounded', { memory_num_tokens: 10.6, memory_max_tokens: 100 }, { usedTokens: 11, maxTokens: 100 }],
    ['a maximum of 0 is unknown, not a division', { memory_num_tokens: 10, memory_max_tokens: 0 }, { usedTokens: 10, maxTokens: null }],
    ['negative, NaN-like, boolean', { memory_num_tokens: -1, memory_max_tokens: true }, null],
    ['text that is not a number', { memory_num_tokens: 'full', memory_max_tokens: '' }, null],
    ['absurdly large', { memory_num_tokens: 1e12, memory_max_tokens: 5000 }, { usedTokens: null, maxTokens: 5000 }],
    ['nulls', { memory_num_tokens: null, memory_max_tokens: null }, null],
    ['not an object', [4150, 5000], null],
  ])('%s', (_name, value, expected) => {
    expect(parseMemory(value)).toEqual(expected === null ? { ok: false, error: 'no memory token counts' } : { ok: true, memory: expected });
  });

  it.each<[MemoryUsage, number | null]>([
    [{ usedTokens: 4150, maxTokens: 5000 }, 83],
    [{ usedTokens: 4999, maxTokens: 5000 }, 99],
    [{ usedTokens: 1, maxTokens: 5000 }, 1],
    [{ usedTokens: 0, maxTokens: 5000 }, 0],
    [{ usedTokens: 6000, maxTokens: 5000 }, 100],
    [{ usedTokens: 4150, maxTokens: null }, null],
    [{ usedTokens: null, maxTokens: 5000 }, null],
  ])('%o is %s% full', (memory, full) => {
    expect(memoryPercentFull(memory)).toBe(full);
  });
});

describe('privacy in the page', () => {
  it('a memories body with canary text gives a finding without it', () => {
    const body = JSON.stringify({
      memories: [{ id: `id-${CANARY}`, content: CANARY, created_timestamp: CANARY }],
      memory_num_tokens: 12,
      memory_max_tokens: CANARY,
      email: CANARY,
    });
    const finding = findingFromMemoryBody(body);
    expect(JSON.stringify(finding)).not.toContain(CANARY);
    expect(finding).toEqual({ kind: 'memory', carrier: 'memories', memory: { memory_num_tokens: 12, memory_max_tokens: null } });
  });

  it('a body without the numbers, or not JSON, is ignored with its reason only', () => {
    expect(findingFromMemoryBody(JSON.stringify({ memories: [{ content: CANARY }] }))).toEqual({
      kind: 'ignored',
      carrier: 'memories',
      reason: 'no memory fields',
    });
    expect(findingFromMemoryBody('<html>')).toEqual({ kind: 'ignored', carrier: 'memories', reason: 'body is not JSON' });
  });

  it('a memory finding from another carrier is not a reading', () => {
    expect(readingFromFinding({ kind: 'memory', carrier: 'init', memory: { memory_num_tokens: 1, memory_max_tokens: 2 } }, AT)).toEqual({
      ok: false,
      error: 'memory from init',
    });
  });
});

describe('the memory parser on hostile input', () => {
  it('any value: never throws; what it accepts is storable', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), (value) => {
        const parsed = parseMemory(value);
        if (!parsed.ok) return;
        const state = applyMemoryReading(emptyQuotaState(), { source: 'memory', receivedAt: AT, memory: parsed.memory }, 'a');
        expect(quotaStateSchema.safeParse(JSON.parse(JSON.stringify(state))).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('any JSON text through the page: never throws, and nothing but the two numbers leaves it', () => {
    fc.assert(
      fc.property(
        fc.record({ memory_num_tokens: fc.jsonValue(), memory_max_tokens: fc.jsonValue(), memories: fc.jsonValue() }, { requiredKeys: [] }),
        (value) => {
          const finding = findingFromMemoryBody(JSON.stringify(value));
          if (finding.kind === 'memory') {
            expect(Object.keys(finding.memory).sort()).toEqual(['memory_max_tokens', 'memory_num_tokens']);
            expect(findingSchema.safeParse(finding).success).toBe(true);
          } else expect(finding.kind).toBe('ignored');
        },
      ),
      { numRuns: 300 },
    );
  });
});
