import { describe, expect, it } from 'vitest';
import { CHINESE_SPAN_CHARS, resetDelayFromText } from '../../../lib/page/turn-refusals';

/**
 * Issue 23, finding 4: the Chinese refusal span was an unanchored regex run on the page's main
 * thread; 64 K characters of "1天" took 4-5 s, a 512 KB event minutes. Now the marker is found by
 * indexOf and the span read from at most CHINESE_SPAN_CHARS before it. The bound here (a second for
 * a 512 KB text) is generous; the code before the issue runs into the test's 20 s timeout.
 */

const DAY = 24 * 3_600_000;
const HALF_MB = 512 * 1024;

describe('the refusal span on hostile text', () => {
  it('512 KB of "1天" then 后重置: fast, and only the last ~1 KB is read', () => {
    const text = `${'1天'.repeat(HALF_MB / 2)}后重置`;
    const started = performance.now();
    const delay = resetDelayFromText(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(delay).toBe((CHINESE_SPAN_CHARS / 2) * DAY);
  });

  it('512 KB of "1天" with no 后重置 at all: fast, nothing read', () => {
    const started = performance.now();
    expect(resetDelayFromText('1天'.repeat(HALF_MB / 2))).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a real refusal still reads as before', () => {
    expect(resetDelayFromText('您已达到图片生成上限。10小时 5分钟后重置')).toBe(10 * 3_600_000 + 5 * 60_000);
  });
});
