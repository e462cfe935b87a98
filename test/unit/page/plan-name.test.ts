import { describe, expect, it } from 'vitest';
import { MAX_PLAN_LENGTH, planName } from '../../../lib/page/plan-name';

describe('planName', () => {
  it.each<[string, unknown, string | null]>([
    ['a plan', 'plus', 'plus'],
    ['at the bound', 'p'.repeat(MAX_PLAN_LENGTH), 'p'.repeat(MAX_PLAN_LENGTH)],
    ['past the bound', 'p'.repeat(MAX_PLAN_LENGTH + 1), null],
    ['empty', '', null],
    ['a number', 3, null],
    ['absent', undefined, null],
    ['an object', { plan: 'plus' }, null],
  ])('%s', (_name, value, expected) => {
    expect(planName(value)).toBe(expected);
  });
});
