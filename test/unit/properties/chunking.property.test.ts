import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingFromEventData } from '../../../lib/page/page-findings';
import { fixtureBytes, streamFixtures } from '../fixtures';
import { chunksAt, eventDataOf } from '../core/stream-readings';

/** However the network cuts a body, the page finds the same quota objects in it. */

const findingsOf = (chunks: Uint8Array[]) => eventDataOf(chunks).map((data) => findingFromEventData(data, 'stream'));

const cutsOf = (length: number) =>
  fc.array(fc.integer({ min: 0, max: length }), { maxLength: 40 }).map((offsets) => [...offsets].sort((a, b) => a - b));

describe.each(streamFixtures())('%s/%s', (folder, name) => {
  const bytes = fixtureBytes(folder, name);
  const whole = findingsOf([bytes]);

  it('random chunkings give the same findings', () => {
    fc.assert(
      fc.property(cutsOf(bytes.length), (offsets) => {
        expect(findingsOf(chunksAt(bytes, offsets))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe('random event streams', () => {
  /** A data line: any text without line ends (the format cannot carry them inside a line). */
  const line = fc.string({ unit: 'binary', maxLength: 30 }).map((text) => text.replace(/[\r\n]/g, ' '));
  const event = fc.array(line, { minLength: 1, maxLength: 3 });
  const stream = fc.record({ events: fc.array(event, { maxLength: 8 }), crlf: fc.boolean(), comments: fc.boolean() });

  it('give back exactly the data that was sent, however they are cut', () => {
    fc.assert(
      fc.property(
        stream.chain((body) => {
          const end = body.crlf ? '\r\n' : '\n';
          const text = body.events
            .map(
              (lines) =>
                `${body.comments ? `: note${end}event: delta${end}` : ''}${lines.map((value) => `data: ${value}${end}`).join('')}${end}`,
            )
            .join('');
          const bytes = new TextEncoder().encode(text);
          return fc.tuple(fc.constant(body.events), fc.constant(bytes), cutsOf(bytes.length));
        }),
        ([events, bytes, offsets]) => {
          expect(eventDataOf(chunksAt(bytes, offsets))).toEqual(events.map((lines) => lines.join('\n')));
        },
      ),
      { numRuns: 500 },
    );
  });
});
