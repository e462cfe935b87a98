import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../lib/channel/rate-limiter';

/** The relay's token bucket: a page posting forged messages in a loop cannot flood the background. */

const T0 = 1_790_000_000_000;

/** How many of `count` events at `at` pass. */
function passing(limiter: ReturnType<typeof createRateLimiter>, at: number, count: number): number {
  return Array.from({ length: count }, () => limiter.take(at)).filter(Boolean).length;
}

describe('burst, then refill', () => {
  it.each([
    [20, 2],
    [5, 1],
    [1, 10],
  ])('a burst of %i passes at once, no more', (burst, perSecond) => {
    const limiter = createRateLimiter(burst, perSecond);
    expect(passing(limiter, T0, burst + 50)).toBe(burst);
  });

  it.each([
    ['half a second at 2 per second', 500, 1],
    ['one second at 2 per second', 1000, 2],
    ['two and a half seconds', 2500, 5],
    ['an hour: never more than the burst', 3_600_000, 20],
  ])('after %s, that many more pass', (_name, elapsed, refilled) => {
    const limiter = createRateLimiter(20, 2);
    passing(limiter, T0, 20);
    expect(passing(limiter, T0 + elapsed, 100)).toBe(refilled);
  });

  it('a steady rate at the refill rate always passes', () => {
    const limiter = createRateLimiter(1, 2);
    const results = Array.from({ length: 50 }, (_, index) => limiter.take(T0 + index * 500));
    expect(results.every(Boolean)).toBe(true);
  });

  it('a clock that goes back adds nothing, and refills from there', () => {
    const limiter = createRateLimiter(3, 2);
    const back = T0 - 60_000;
    passing(limiter, T0, 3);
    expect(passing(limiter, back, 10)).toBe(0);
    expect(passing(limiter, back + 500, 10)).toBe(1);
  });

  it('refused events cost nothing: the bucket refills as if they had not come', () => {
    const limiter = createRateLimiter(2, 1);
    passing(limiter, T0, 2);
    // Quarter seconds: steps that add up exactly (tenths would sum to a hair under one token).
    for (let step = 1; step < 4; step++) expect(limiter.take(T0 + step * 250)).toBe(false);
    expect(passing(limiter, T0 + 1000, 5)).toBe(1);
  });
});
