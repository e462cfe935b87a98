import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDelayedBatch, DIAGNOSTICS_DELAY_MS } from '../../../lib/channel/delayed-batch';
import { fakeClock } from './fake-clock';

/**
 * The relay's diagnostics wait a while, then go together, each with when the page received it, so
 * that the background's work on them stays off the moment the page is busy with the response.
 */

const T0 = 1_790_000_000_000;

/** A batch on a clock of its own (fake-clock.ts). */
function batch(max = 32, delayMs = DIAGNOSTICS_DELAY_MS) {
  const { now, later, advance, timers } = fakeClock(T0);
  const passed: { message: number; receivedAt: number }[] = [];
  const { hold, flush } = createDelayedBatch<number>({
    delayMs,
    max,
    now,
    later,
    pass: (message, receivedAt) => passed.push({ message, receivedAt }),
  });
  return { hold, flush, passed, advance, timers };
}

describe('the wait', () => {
  it('nothing goes at once; after the delay, everything held goes together, in order, each dated to when it came', () => {
    const { hold, passed, advance } = batch();
    hold(1);
    advance(300);
    hold(2);
    advance(DIAGNOSTICS_DELAY_MS - 301);
    expect(passed).toEqual([]);
    advance(1);
    expect(passed).toEqual([
      { message: 1, receivedAt: T0 },
      { message: 2, receivedAt: T0 + 300 },
    ]);
  });

  it('one timer per batch; a message after it went starts the next one', () => {
    const { hold, passed, advance, timers } = batch();
    for (let index = 0; index < 10; index++) hold(index);
    expect(timers).toHaveLength(1);
    advance(DIAGNOSTICS_DELAY_MS);
    expect(timers).toEqual([]);
    hold(10);
    expect(timers).toHaveLength(1);
    advance(DIAGNOSTICS_DELAY_MS);
    expect(passed.map(({ message }) => message)).toEqual(Array.from({ length: 11 }, (_, index) => index));
  });

  it('past `max`, the oldest is dropped', () => {
    const { hold, passed, advance } = batch(3);
    for (let index = 0; index < 5; index++) hold(index);
    advance(DIAGNOSTICS_DELAY_MS);
    expect(passed.map(({ message }) => message)).toEqual([2, 3, 4]);
  });
});

describe('a page going away', () => {
  it('flush passes what waits at once; the timer then passes nothing twice', () => {
    const { hold, flush, passed, advance } = batch();
    hold(1);
    advance(500);
    hold(2);
    flush();
    expect(passed).toEqual([
      { message: 1, receivedAt: T0 },
      { message: 2, receivedAt: T0 + 500 },
    ]);
    advance(60_000);
    expect(passed).toHaveLength(2);
  });

  it('with nothing held, flush passes nothing', () => {
    const { flush, passed } = batch();
    flush();
    expect(passed).toEqual([]);
  });
});

describe('property: each message passes once, in order, no sooner than the delay, dated when it came', () => {
  it('holds for any arrivals, flushes and max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ wait: fc.integer({ min: 0, max: 5000 }) }), fc.constant('flush' as const)), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (steps, max) => {
          const { hold, flush, passed, advance } = batch(max);
          const came = new Map<number, number>();
          let next = 0;
          let now = T0;
          for (const step of steps) {
            if (step === 'flush') {
              flush();
              continue;
            }
            advance(step.wait);
            now += step.wait;
            came.set(next, now);
            hold(next++);
          }
          advance(60_000);
          const order = passed.map(({ message }) => message);
          expect(order).toEqual([...order].sort((a, b) => a - b));
          expect(new Set(order).size).toBe(order.length);
          for (const { message, receivedAt } of passed) expect(receivedAt).toBe(came.get(message));
          // Only the overflow of a batch is lost: never more than max of one batch wait at once.
          expect(passed.length).toBeGreaterThanOrEqual(Math.min(next, max));
        },
      ),
    );
  });
});
