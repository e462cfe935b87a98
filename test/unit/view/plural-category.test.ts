import { describe, expect, it } from 'vitest';
import { pluralForm } from '../../../lib/view/plural-category';

describe('pluralForm', () => {
  // Counts chosen where the shipped languages disagree: 0 (singular in fr and pt, plural in en,
  // de, es), 1, 2, 5, 21 (singular in ru), 1.5 and a million (fr, es and pt: "many", our _other).
  const counts = [0, 1, 2, 5, 21, 1.5, 1_000_000];
  it.each([
    ['en', ['other', 'one', 'other', 'other', 'other', 'other', 'other']],
    ['de', ['other', 'one', 'other', 'other', 'other', 'other', 'other']],
    ['es', ['other', 'one', 'other', 'other', 'other', 'other', 'other']],
    ['fr', ['one', 'one', 'other', 'other', 'other', 'one', 'other']],
    ['pt-BR', ['one', 'one', 'other', 'other', 'other', 'one', 'other']],
    ['ru', ['other', 'one', 'other', 'other', 'one', 'other', 'other']],
    ['zh-CN', ['other', 'other', 'other', 'other', 'other', 'other', 'other']],
    ['zh-TW', ['other', 'other', 'other', 'other', 'other', 'other', 'other']],
    ['ja', ['other', 'other', 'other', 'other', 'other', 'other', 'other']],
    ['ko', ['other', 'other', 'other', 'other', 'other', 'other', 'other']],
  ])('%s', (language, forms) => {
    expect(counts.map((count) => pluralForm(count, language))).toEqual(forms);
  });

  it('answers the general form for a tag Intl rejects, rather than throwing', () => {
    expect(pluralForm(1, 'not a tag!')).toBe('other');
    expect(pluralForm(1, '')).toBe('other');
  });
});
