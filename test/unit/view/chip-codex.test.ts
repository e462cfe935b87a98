import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/alerts/settings';
import { badgeFor } from '../../../lib/alerts/quota-badge';
import { applyCodexReading } from '../../../lib/core/apply-codex-usage';
import { activeAccountState, emptyQuotaState, type QuotaState } from '../../../lib/core/quota-state';
import { chipInputFrom } from '../../../lib/view/chip-input';
import { chipViewOf, type ChipMessageKey } from '../../../lib/view/chip-view';
import { codexReading, codexWindow } from '../core/codex-bodies';

/**
 * The page chip when the badge shows a Codex window: it reads the window from storage without zod
 * and shows what the badge shows (percent left, status), named "Codex"; an unreadable window is
 * "no reading", never a throw.
 */

const NOW = Date.UTC(2026, 10, 30, 1, 0);
const HOUR = 3_600_000;
const WINDOW = 'codex:primary';
const on = { ...defaultSettings(), pageChip: true, badgeFeature: WINDOW };
const translate = (key: ChipMessageKey, substitutions?: string[]) => `${key}${substitutions ? `(${substitutions.join(',')})` : ''}`;

function withUsed(usedPercent: number, resetsAt: number | null): QuotaState {
  return applyCodexReading(
    emptyQuotaState(),
    codexReading(NOW - 1000, { windows: [codexWindow('primary', usedPercent, resetsAt)] }),
    'acct-0000000000000000',
  );
}

describe('the chip on a Codex window', () => {
  it.each([
    ['normal', withUsed(37, NOW + HOUR), 'normal', '63%'],
    ['low (20% left by default)', withUsed(85, NOW + HOUR), 'low', '15%'],
    ['used up', withUsed(100, NOW + HOUR), 'empty', '0%'],
    ['past its reset', withUsed(40, NOW - 1), 'stale', '60%'],
    ['no Codex reading', emptyQuotaState(), 'none', '–'],
  ])('%s: as the badge', (_name, state, status, count) => {
    const view = chipViewOf(chipInputFrom(on, state, NOW)!, NOW, translate, 'en');
    const badge = badgeFor(activeAccountState(state), NOW, { badgeFeature: WINDOW, lowThresholds: {} });
    expect({ status: view.status, count: view.count }).toEqual({ status, count });
    expect({ status: badge.status, count: badge.text || '–' }).toEqual({ status, count });
    expect(view.label).toBe('popup_codexHeading');
  });

  it("uses the user's threshold, a percent left", () => {
    expect(chipInputFrom({ ...on, lowThresholds: { [WINDOW]: 50 } }, withUsed(37, NOW + HOUR), NOW)?.meter?.lowThreshold).toBe(50);
    expect(
      chipViewOf(chipInputFrom({ ...on, lowThresholds: { [WINDOW]: 70 } }, withUsed(37, NOW + HOUR), NOW)!, NOW, translate, 'en').status,
    ).toBe('low');
  });

  const windowsOf = (windows: unknown) => ({ activeAccount: 'a', accounts: { a: { codex: { windows } } } });
  it.each([
    ['windows not a list', windowsOf('x')],
    ['percent not a number', windowsOf([{ name: WINDOW, usedPercent: '37', resetsAt: NOW + HOUR }])],
    ['percent out of range', windowsOf([{ name: WINDOW, usedPercent: 137, resetsAt: NOW + HOUR }])],
    ['percent NaN', windowsOf([{ name: WINDOW, usedPercent: Number.NaN, resetsAt: NOW + HOUR }])],
    ['reset not a time', windowsOf([{ name: WINDOW, usedPercent: 37, resetsAt: 'soon' }])],
    ['codex null', { activeAccount: 'a', accounts: { a: { codex: null } } }],
  ])('unreadable (%s): no reading', (_name, state) => {
    expect(chipViewOf(chipInputFrom(on, state, NOW)!, NOW, translate, 'en')).toMatchObject({
      status: 'none',
      count: '–',
      detail: 'chip_noReading',
    });
  });
});
