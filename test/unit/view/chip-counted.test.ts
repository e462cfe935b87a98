import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/alerts/settings';
import { badgeFor } from '../../../lib/alerts/quota-badge';
import { withCounted } from '../../../lib/alerts/counted-meters';
import { activeAccountState, emptyAccountState, emptyQuotaState, type QuotaState } from '../../../lib/core/quota-state';
import { emptyModelCounts, recordTurn, type ModelCounts } from '../../../lib/core/model-counts';
import { chipInputFrom } from '../../../lib/view/chip-input';
import { chipViewOf, type ChipMessageKey } from '../../../lib/view/chip-view';

/**
 * A model counted in this browser, picked for the badge (and so the chip) with a cap the user set:
 * the chip reads the counts' raw value (no zod) and shows what the badge shows, named as counted
 * here, with when one more frees up. Without a cap there is no meter, so no number.
 */

const NOW = Date.UTC(2026, 11, 5, 12, 0);
const MINUTE = 60_000;
const SLUG = 'gpt-5-thinking';
const ID = `counted:${SLUG}`;
const EMPTY = emptyQuotaState();
const ACCOUNT = EMPTY.activeAccount;
/** An account the background has seen (a reading came in): the counts are joined to it. */
const STATE: QuotaState = { ...EMPTY, accounts: { [ACCOUNT]: emptyAccountState() } };
const CAP = { [SLUG]: { limit: 5, windowHours: 3 } };
/** Raw settings as storage holds them (the chip reads them unvalidated): a cap may be anything. */
const settings = (caps: Record<string, unknown> = CAP) => ({
  ...defaultSettings(),
  pageChip: true,
  badgeFeature: ID,
  modelCaps: caps,
});
const translate = (key: ChipMessageKey, substitutions?: string[]) => `${key}${substitutions ? `(${substitutions.join(',')})` : ''}`;

function countsOf(minutesAgo: number[]): ModelCounts {
  return minutesAgo.reduce(
    (counts, ago, index) => recordTurn(counts, ACCOUNT, SLUG, `turn-${String(index).padStart(16, '0')}`, NOW - ago * MINUTE),
    emptyModelCounts(),
  );
}

describe('the chip on a counted model the user capped', () => {
  it('four turns of a cap of 5 per 3 h: 1 left, low, as the badge says, named as counted here', () => {
    const counts = countsOf([170, 60, 30, 5]);
    const input = chipInputFrom(settings(), STATE, NOW, counts);
    expect(input?.meter).toMatchObject({ id: ID, left: 1, source: 'counted', status: 'low' });
    const view = chipViewOf(input!, NOW, translate, 'en');
    const badge = badgeFor(withCounted(activeAccountState(STATE), counts.accounts[ACCOUNT]), NOW, { ...settings(), modelCaps: CAP });
    expect({ count: view.count, status: view.status }).toEqual({ count: badge.text, status: badge.status });
    expect(view.label).toBe('popup_countedMeterName(GPT-5 Thinking)');
    // The turn 170 minutes ago leaves the 3-hour window in 10 minutes.
    expect(view.detail).toBe('chip_countedFreesIn(10 min)');
  });

  it('nothing counted yet: the whole cap left, said to be counted in this browser', () => {
    const view = chipViewOf(chipInputFrom(settings(), STATE, NOW, emptyModelCounts())!, NOW, translate, 'en');
    expect({ count: view.count, detail: view.detail }).toEqual({ count: '5', detail: 'popup_countedHeading' });
  });

  it('no account read yet: no meter, as on the badge', () => {
    expect(chipInputFrom(settings(), EMPTY, NOW, countsOf([5]))?.meter).toBeUndefined();
  });

  it('no cap for the model: no meter, so no number (a count without a cap is no limit)', () => {
    const input = chipInputFrom(settings({}), STATE, NOW, countsOf([5]));
    expect(input?.meter).toBeUndefined();
    expect(chipViewOf(input!, NOW, translate, 'en').detail).toBe('chip_noReading');
  });

  it.each([
    ['a cap out of the settings bounds', settings({ [SLUG]: { limit: 5, windowHours: 500 } }), countsOf([5])],
    ['a cap that is not a number', settings({ [SLUG]: { limit: '5', windowHours: 3 } }), countsOf([5])],
  ])('%s: no meter', (_name, chosen, counts) => expect(chipInputFrom(chosen, STATE, NOW, counts)?.meter).toBeUndefined());

  it.each([
    ['no counts at all', undefined],
    ['counts that are not an object', 'junk'],
    ['times that are not times', { version: 1, accounts: { [ACCOUNT]: { models: { [SLUG]: ['x', -1, 1.5, null] } } } }],
  ])('%s read as nothing counted, never a throw', (_name, counts) => {
    expect(chipInputFrom(settings(), STATE, NOW, counts)?.meter).toMatchObject({ left: 5 });
  });
});
