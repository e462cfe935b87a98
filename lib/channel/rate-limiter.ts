/**
 * A token bucket: at most `burst` events at once, refilled at `perSecond`. The relay uses it so
 * that a page posting forged messages in a loop cannot flood the background.
 */
interface RateLimiter {
  /** True when the event may pass now. */
  take(now: number): boolean;
}

export function createRateLimiter(burst: number, perSecond: number): RateLimiter {
  let tokens = burst;
  let last: number | null = null;
  return {
    take(now) {
      if (last !== null) tokens = Math.min(burst, tokens + (Math.max(0, now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
