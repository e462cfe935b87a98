import { describe, expect, it } from 'vitest';
import { parseResetTime } from '../../../lib/core/reset-time';

describe('parseResetTime', () => {
  it.each([
    ['2026-04-17T18:15:51Z', 1776449751000],
    ['2026-09-16T16:42:07.853628+00:00', 1789576927853],
    ['2026-09-16T16:42:07.8+00:00', 1789576927800],
    ['2026-09-16T18:42:07.853+02:00', 1789576927853],
    ['2026-09-16T16:42:07+0000', 1789576927000],
    ['2026-09-16 16:42:07', 1789576927000],
    [' 2026-04-17T18:15:51Z ', 1776449751000],
  ])('%j is %d', (text, expected) => {
    expect(parseResetTime(text)).toBe(expected);
  });

  it.each([
    [''],
    ['tomorrow'],
    ['in 5 hours'],
    ['2026-13-01T00:00:00Z'],
    ['1970-01-01T00:00:00Z'],
    ['9999-01-01T00:00:00Z'],
    [null],
    [undefined],
    [1776449751000],
    [{}],
  ])('%j is unknown (null), never now', (text) => {
    expect(parseResetTime(text)).toBeNull();
  });
});
