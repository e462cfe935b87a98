import { describe, expect, it } from 'vitest';
import { accountMeters } from '../../../lib/alerts/account-meters';
import { defaultSettings } from '../../../lib/alerts/settings';
import { emptyModelCounts, recordTurn } from '../../../lib/core/model-counts';
import { serverFeatureOf } from '../../../lib/core/model-names';
import { emptyAccountState, emptyQuotaState, type AccountState, type QuotaState } from '../../../lib/core/quota-state';
import { chipInputFrom } from '../../../lib/view/chip-input';
import { countedModelViews } from '../../../lib/view/counted-models';
import { choosableFeatures } from '../../../lib/view/popup-settings';

/**
 * Issue 22, "caps seen": when limits_progress reports a count for the same thing (`reason`, the
 * thinking messages GPT-5 Thinking answers, on plans that list it), the server's meter leads: no
 * counted meter for the model (badge, notices, chip, the badge's choices), and the popup keeps the
 * local count as a detail of it. On plans that do not list `reason`, the user's cap makes the meter.
 */

const NOW = Date.UTC(2026, 11, 5, 12);
const SLUG = 'gpt-5-thinking';
const settings = {
  ...defaultSettings(),
  pageChip: true,
  badgeFeature: `counted:${SLUG}`,
  modelCaps: { [SLUG]: { limit: 5, windowHours: 3 } },
};
const reason = {
  remaining: 40,
  resetsAt: NOW + 3_600_000,
  seenAt: NOW - 1000,
  source: 'init',
  maxSeen: 50,
  windowNotStarted: false,
  resetEstimated: false,
};
const counts = recordTurn(emptyModelCounts(), 'default', SLUG, null, NOW - 60_000);

function stateWith(features: Record<string, unknown>): { state: QuotaState; account: AccountState } {
  const base = emptyQuotaState();
  const account = { ...emptyAccountState(), features } as AccountState;
  return { state: { ...base, activeAccount: 'default', accounts: { default: account } }, account };
}

describe('the server leads where its reading lists the feature that counts the model', () => {
  it('GPT-5 Thinking is counted by the server in `reason`; other models nowhere the page reads', () => {
    expect(serverFeatureOf(SLUG)).toBe('reason');
    expect(serverFeatureOf('gpt-5-pro')).toBeNull();
  });

  it.each([
    ['a plan without `reason`: the cap makes the counted meter', {}, true],
    ['a plan that lists `reason`: only the server meter', { reason }, false],
  ])('%s', (_name, features, counted) => {
    const { state, account } = stateWith(features);
    const ids = accountMeters({ ...account, counted: counts.accounts.default }, settings, NOW).map((meter) => meter.id);
    expect(ids.includes(`counted:${SLUG}`)).toBe(counted);
    expect(ids.includes('reason')).toBe(!counted);
    // Nor is it offered for the badge and chip, nor shown there from an older pick.
    expect(choosableFeatures(state, null, (key) => key, settings.modelCaps).includes(`counted:${SLUG}`)).toBe(counted);
    expect(chipInputFrom(settings, state, NOW, counts)?.meter !== undefined).toBe(counted);
    // The popup keeps the local count, beside the server's meter when it leads.
    const [view] = countedModelViews(counts, 'default', settings, NOW, account);
    expect(view).toMatchObject({ slug: SLUG, counts: [1, 1, 1], ledBy: counted ? null : 'reason' });
    expect(view?.cap === null).toBe(!counted);
  });
});
