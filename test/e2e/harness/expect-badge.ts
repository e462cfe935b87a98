import { expect } from 'vitest';
import type { Step } from '../scenarios/scenario';
import { badgeColorOf } from './badge-colors';
import type { Badge } from './extension-handle';

/** The badge shows `expected.text` in the colour of `expected.status` (BADGE_COLORS). For specs only. */
export function expectBadge(badge: Badge | null | undefined, expected: Step['badge'], message?: string): void {
  expect({ text: badge?.text, color: badge?.color }, message).toEqual({ text: expected.text, color: badgeColorOf(expected.status) });
}
