import { describe, expect, it } from 'vitest';
import { keepNewest } from '../../../lib/core/keep-newest';

const AGES = { a: 1, b: 5, c: 3, d: 4 };

describe('keepNewest', () => {
  it.each<[string, number, string, string[]]>([
    ['within the bound: the same record', 4, 'a', ['a', 'b', 'c', 'd']],
    ['the newest by age', 2, 'b', ['b', 'd']],
    ['the kept key stays even when oldest', 2, 'a', ['a', 'b']],
    ['a bound of one keeps only the kept key', 1, 'c', ['c']],
  ])('%s', (_name, limit, keep, kept) => {
    expect(Object.keys(keepNewest(AGES, limit, keep, (age) => age)).sort()).toEqual(kept);
  });

  it('returns the very record when nothing is dropped (so the store skips the write)', () => {
    expect(keepNewest(AGES, 4, 'a', (age) => age)).toBe(AGES);
  });
});
