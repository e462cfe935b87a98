import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingFromEventData, findingFromInitBody } from '../../../lib/page/page-findings';
import { readingFromPickedQuota } from '../../../lib/core/parse-quota-object';
import { readingFromQuotaObject } from '../core/reading-from-quota-object';
import { fixtureJson, fixtureNames, fixtureText } from '../fixtures';
import { eventDataOf } from '../core/stream-readings';
import { expectValidResult } from './invariants';
import { mutatedValue } from './mutations';

/**
 * Random JSON and mutations of the real captures: the parser never throws, and either rejects
 * the value whole or gives a reading that satisfies every invariant.
 */

const CONTEXT = { source: 'init', receivedAt: 1_790_000_000_000 } as const;

/** The quota objects of the real captures: JSON bodies, and the quota event of each stream. */
function realQuotaObjects(): unknown[] {
  const names = fixtureNames('real');
  const bodies = names.filter((name) => name.endsWith('.json')).map((name) => fixtureJson('real', name));
  const events = names
    .filter((name) => name.endsWith('.sse.txt'))
    .flatMap((name) => eventDataOf([new TextEncoder().encode(fixtureText('real', name))]))
    .filter((data) => data.includes('conversation_detail_metadata'))
    .map((data) => JSON.parse(data) as unknown);
  return [...bodies, ...events];
}

describe('the parser on hostile input', () => {
  it('any value at all: never throws, rejected whole or valid', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true }),
        (value) => {
          expectValidResult(readingFromQuotaObject(value, CONTEXT));
          expectValidResult(readingFromPickedQuota(value, CONTEXT));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any JSON text, through the page and the background: never throws, rejected or valid', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const finding = findingFromInitBody(text);
        if (finding.kind === 'quota') expectValidResult(readingFromPickedQuota(finding.quota, CONTEXT));
        const event = findingFromEventData(text, 'stream');
        if (event?.kind === 'quota') expectValidResult(readingFromPickedQuota(event.quota, CONTEXT));
      }),
      { numRuns: 500 },
    );
  });

  const objects = realQuotaObjects();

  it('the real captures were found', () => {
    expect(objects.length).toBeGreaterThanOrEqual(8);
  });

  it('mutations of the real captures: never throws, rejected whole or valid', () => {
    const outcomes = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(mutatedValue(objects), (value) => {
        const direct = readingFromQuotaObject(value, CONTEXT);
        expectValidResult(direct);
        outcomes[direct.ok ? 'accepted' : 'rejected'] += 1;
        // The page's init-body path and the background agree with the direct parse on JSON values.
        const text = JSON.stringify(value);
        if (text === undefined) return;
        const finding = findingFromInitBody(text);
        const viaPage = finding.kind === 'quota' ? readingFromPickedQuota(finding.quota, CONTEXT) : null;
        if (viaPage !== null) expectValidResult(viaPage);
        if (direct.ok && viaPage !== null)
          expect(JSON.stringify(viaPage)).toBe(JSON.stringify(readingFromQuotaObject(JSON.parse(text), CONTEXT)));
      }),
      { numRuns: 1500 },
    );
    // Both sides of the invariant were exercised, not only one.
    expect(outcomes.accepted).toBeGreaterThan(150);
    expect(outcomes.rejected).toBeGreaterThan(150);
  });
});
