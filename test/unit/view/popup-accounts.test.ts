import { describe, expect, it } from 'vitest';
import { accountChoices, accountLabel, planLabel, shownAccountKey } from '../../../lib/view/popup-accounts';
import { type QuotaState, STATE_VERSION, emptyAccountState } from '../../../lib/core/quota-state';
import { t } from '../../../lib/extension/i18n';

const A = 'acct-00000000000000a1';
const B = 'acct-ffffffffffffb2c3';
const C = 'acct-1234567890abcdef';

function state(keys: string[], active: string, plans: Record<string, string> = {}): QuotaState {
  return {
    version: STATE_VERSION,
    activeAccount: active,
    accounts: Object.fromEntries(keys.map((key) => [key, { ...emptyAccountState(), plan: plans[key] ?? null }])),
  };
}

describe('accountChoices', () => {
  it.each<[string, QuotaState, Array<[string, number | null, string | null, boolean]>]>([
    ['no account yet', state([], 'default'), []],
    ['the unidentified account alone', state(['default'], 'default'), [['default', null, null, true]]],
    [
      'identified accounts numbered by key, whatever the stored order',
      state([B, C, A], C),
      [
        [A, 1, '00a1', false],
        [C, 2, 'cdef', true],
        [B, 3, 'b2c3', false],
      ],
    ],
    [
      'the unidentified account first and unnumbered',
      state([B, 'default'], B),
      [
        ['default', null, null, false],
        [B, 1, 'b2c3', true],
      ],
    ],
  ])('%s', (_, quota, expected) => {
    expect(accountChoices(quota).map((choice) => [choice.key, choice.number, choice.suffix, choice.followedByBadge])).toEqual(expected);
  });

  it("carries each account's plan", () => {
    expect(accountChoices(state([A, B], A, { [B]: 'plus' })).map((choice) => choice.plan)).toEqual([null, 'plus']);
  });
});

describe('accountLabel and planLabel', () => {
  it.each<[string, string]>([
    ['default', "This browser's account"],
    [A, 'Account 1 · …00a1'],
  ])('%s reads "%s"', (key, label) => {
    const choice = accountChoices(state([A, 'default'], A)).find((entry) => entry.key === key)!;
    expect(accountLabel(choice, t)).toBe(label);
  });

  it.each([
    ['plus', 'Plus'],
    ['pro', 'Pro'],
    ['Team', 'Team'],
    ['', ''],
  ])('plan %j reads %j', (plan, label) => {
    expect(planLabel(plan)).toBe(label);
  });
});

describe('shownAccountKey', () => {
  it.each<[string, string | null, string]>([
    ["nothing picked: the badge's account", null, A],
    ['another account picked', B, B],
    ["a picked account that is gone: the badge's again", C, A],
  ])('%s', (_, wanted, shown) => {
    expect(shownAccountKey(state([A, B], A), wanted)).toBe(shown);
  });
});
