import { MAX_SEEN_ONCE } from '../../../lib/core/account-eviction';
import { describe, expect, it } from 'vitest';
import { accountKeyOf } from '../../../lib/page/account-key';
import { activateAccount, applyCooldown, applyPlan, applyReading } from '../../../lib/core/apply-reading';
import { DEFAULT_ACCOUNT, MAX_ACCOUNTS, emptyQuotaState, quotaStateSchema, type QuotaState } from '../../../lib/core/quota-state';
import { feature, HOUR, reading, T0 } from './readings';

/** Per-account state: the plan, cooldowns, which account the badge follows. */

const PERSONAL = accountKeyOf('personal-account');
const TEAM = accountKeyOf('team-account');

const imageReading = (at: number, remaining: number) => reading(at, { features: [feature('image_gen', remaining, at + 24 * HOUR)] });

function twoAccounts(): QuotaState {
  return applyReading(applyReading(emptyQuotaState(), imageReading(T0, 80), PERSONAL), imageReading(T0 + 1000, 5), TEAM);
}

describe('readings per account', () => {
  it('each account keeps its own counts; the last one read is active', () => {
    const state = twoAccounts();
    expect(state.accounts[PERSONAL]?.features.image_gen?.remaining).toBe(80);
    expect(state.accounts[TEAM]?.features.image_gen?.remaining).toBe(5);
    expect(state.activeAccount).toBe(TEAM);
    expect(quotaStateSchema.safeParse(state).success).toBe(true);
  });

  it('a reading without an account goes to the default account', () => {
    expect(Object.keys(applyReading(emptyQuotaState(), imageReading(T0, 3)).accounts)).toEqual([DEFAULT_ACCOUNT]);
  });
});

describe('activateAccount', () => {
  it('a known account becomes the active one, nothing else changes', () => {
    const state = twoAccounts();
    const activated = activateAccount(state, PERSONAL);
    expect(activated.activeAccount).toBe(PERSONAL);
    expect(activated.accounts).toBe(state.accounts);
  });

  it.each([
    ['an account never read', accountKeyOf('never-seen')],
    ['the account already active', TEAM],
  ])('%s changes nothing (the very same state)', (_name, account) => {
    const state = twoAccounts();
    expect(activateAccount(state, account)).toBe(state);
  });

  it('the empty state stays empty', () => {
    const state = emptyQuotaState();
    expect(activateAccount(state, PERSONAL)).toBe(state);
  });
});

describe('applyPlan', () => {
  it('stores the plan on its account and makes it active', () => {
    const state = applyPlan(twoAccounts(), PERSONAL, 'plus');
    expect(state.accounts[PERSONAL]?.plan).toBe('plus');
    expect(state.accounts[TEAM]?.plan).toBeNull();
    expect(state.activeAccount).toBe(PERSONAL);
  });

  it('the same plan again is the very same state (nothing to write)', () => {
    const state = applyPlan(twoAccounts(), TEAM, 'team');
    expect(applyPlan(state, TEAM, 'team')).toBe(state);
  });

  it('a new plan replaces the old one', () => {
    const state = applyPlan(applyPlan(twoAccounts(), TEAM, 'plus'), TEAM, 'pro');
    expect(state.accounts[TEAM]?.plan).toBe('pro');
  });

  it('a plan for an account never read makes the account, with no features', () => {
    const state = applyPlan(emptyQuotaState(), PERSONAL, 'free');
    expect(state.accounts[PERSONAL]).toMatchObject({ plan: 'free', features: {}, lastReading: null });
    expect(quotaStateSchema.safeParse(state).success).toBe(true);
  });

  it('plans for many accounts never read stay within the quarantine of accounts seen once', () => {
    const keys = Array.from({ length: MAX_ACCOUNTS + 5 }, (_, index) => accountKeyOf(`account-${index}`));
    const state = keys.reduce((current, key) => applyPlan(current, key, 'plus'), emptyQuotaState());
    expect(Object.keys(state.accounts)).toHaveLength(MAX_SEEN_ONCE);
    expect(state.accounts[keys.at(-1)!]).toBeDefined();
  });
});

describe('applyCooldown', () => {
  const COOLDOWN = HOUR;

  it('records the pause with its end, on its account', () => {
    const state = applyCooldown(twoAccounts(), PERSONAL, 'image_gen', T0 + COOLDOWN, T0);
    expect(state.accounts[PERSONAL]?.cooldowns).toEqual([{ feature: 'image_gen', until: T0 + COOLDOWN, seenAt: T0 }]);
    expect(state.accounts[TEAM]?.cooldowns).toEqual([]);
    expect(state.activeAccount).toBe(PERSONAL);
  });

  it('a second cooldown of the same feature replaces the first', () => {
    const once = applyCooldown(emptyQuotaState(), PERSONAL, 'image_gen', T0 + COOLDOWN, T0);
    const twice = applyCooldown(once, PERSONAL, 'image_gen', T0 + 10 * 60_000 + COOLDOWN, T0 + 10 * 60_000);
    expect(twice.accounts[PERSONAL]?.cooldowns).toEqual([
      { feature: 'image_gen', until: T0 + 10 * 60_000 + COOLDOWN, seenAt: T0 + 10 * 60_000 },
    ]);
  });

  it('ended cooldowns of other features are dropped, running ones kept', () => {
    let state = applyCooldown(emptyQuotaState(), PERSONAL, 'old_feature', T0 + 1000, T0);
    state = applyCooldown(state, PERSONAL, 'running_feature', T0 + 2 * HOUR, T0);
    state = applyCooldown(state, PERSONAL, 'image_gen', T0 + 3 * HOUR, T0 + HOUR);
    expect(state.accounts[PERSONAL]?.cooldowns.map((entry) => entry.feature)).toEqual(['image_gen', 'running_feature']);
  });

  it('at most 16 are kept, the newest', () => {
    const state = Array.from({ length: 20 }, (_, index) => `feature_${index}`).reduce(
      (current, name) => applyCooldown(current, PERSONAL, name, T0 + HOUR, T0),
      emptyQuotaState(),
    );
    const cooldowns = state.accounts[PERSONAL]?.cooldowns ?? [];
    expect(cooldowns).toHaveLength(16);
    expect(cooldowns[0]?.feature).toBe('feature_19');
    expect(quotaStateSchema.safeParse(state).success).toBe(true);
  });

  it('a reading keeps a cooldown still running and drops one that has ended', () => {
    let state = applyCooldown(emptyQuotaState(), PERSONAL, 'image_gen', T0 + COOLDOWN, T0);
    state = applyReading(state, imageReading(T0 + 10 * 60_000, 40), PERSONAL);
    expect(state.accounts[PERSONAL]?.cooldowns).toHaveLength(1);
    state = applyReading(state, imageReading(T0 + COOLDOWN + 1, 40), PERSONAL);
    expect(state.accounts[PERSONAL]?.cooldowns).toEqual([]);
  });
});
