import { expect } from 'vitest';
import type { ParseResult } from '../../../lib/core/parse-quota-object';
import { MAX_REMAINING } from '../../../lib/core/quota-object-schema';

/** What every accepted reading must satisfy, whatever the page sent. */

const isTime = (value: unknown) => value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
const isName = (value: unknown) => typeof value === 'string' && value.trim() === value && value.length > 0 && value.length <= 200;
const isText = (value: unknown) => value === null || typeof value === 'string';

export function expectValidResult(result: ParseResult): void {
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    return;
  }
  const { reading } = result;
  for (const feature of reading.features ?? []) {
    expect(isName(feature.name)).toBe(true);
    expect(Number.isInteger(feature.remaining) && feature.remaining >= 0 && feature.remaining <= MAX_REMAINING).toBe(true);
    expect(isTime(feature.resetsAt)).toBe(true);
  }
  expect(new Set(reading.features?.map((feature) => feature.name)).size).toBe(reading.features?.length ?? 0);
  for (const blocked of reading.blocked ?? []) {
    expect(isName(blocked.name)).toBe(true);
    expect(isTime(blocked.resetsAt)).toBe(true);
    expect(blocked.limit === null || (Number.isFinite(blocked.limit) && blocked.limit >= 0)).toBe(true);
    expect([blocked.resetsAfterText, blocked.description, blocked.reason].every(isText)).toBe(true);
  }
  for (const limit of reading.modelLimits ?? []) {
    expect(isName(limit.model)).toBe(true);
    expect(isTime(limit.resetsAt)).toBe(true);
    expect([limit.fallback, limit.description].every(isText)).toBe(true);
  }
  expect(isText(reading.defaultModel)).toBe(true);
  expect(reading.unknownFields.every((name) => typeof name === 'string' && name.length <= 200)).toBe(true);
}
