import { describe, expect, it } from 'vitest';
import { dueNotices, MAX_NOTICES_PER_HOUR, recordSent, type NoticeLedger } from '../../../lib/alerts/notification-policy';
import { emptyAccountState, MAX_FEATURES_PER_ACCOUNT, type AccountState } from '../../../lib/core/quota-state';

/**
 * The once-per-window notification policy (lib/alerts/notification-policy.ts) against readings a page
 * forges faster than any real one: each names the most features the state keeps, all used up.
 */

const NOW = Date.UTC(2026, 8, 15, 12);
const HOUR = 3_600_000;
const SETTINGS = { notifications: true, lowThresholds: {} };

/** An account whose features (named `prefix`0, 1, ...) are all used up in the window ending in an hour. */
function usedUp(prefix: string): AccountState {
  const account = emptyAccountState();
  for (let index = 0; index < MAX_FEATURES_PER_ACCOUNT; index++) {
    const name = `${prefix}${index}`;
    account.features[name] = { name, remaining: 0, resetsAt: NOW + HOUR, seenAt: NOW, source: 'init', maxSeen: 5, windowNotStarted: false, resetEstimated: false };
  }
  return account;
}

/** Shows what is due for each state in turn, as the notifier does; returns every notice id shown. */
function notify(states: AccountState[]): string[] {
  let ledger: NoticeLedger = {};
  const shown: string[] = [];
  for (const [step, account] of states.entries()) {
    const notices = dueNotices('default', account, SETTINGS, ledger, NOW + step * 1000);
    shown.push(...notices.map((notice) => notice.id));
    ledger = recordSent(ledger, notices, NOW + step * 1000);
  }
  return shown;
}

describe('forged readings and the notification ledger', () => {
  it('one forged reading of 64 used-up features shows only the hourly budget', () => {
    expect(notify([usedUp('a')])).toHaveLength(MAX_NOTICES_PER_HOUR);
  });

  it('the same forged reading again notifies nothing more within the hour', () => {
    expect(notify([usedUp('a'), usedUp('a')])).toHaveLength(MAX_NOTICES_PER_HOUR);
  });

  // The ledger outlives the state's 64 features and keeps running windows first (2000 entries),
  // and the hourly budget caps what forged readings can show at all.
  it('four forged readings of 64 new features, then the first again: no notice twice', () => {
    const shown = notify([usedUp('a'), usedUp('b'), usedUp('c'), usedUp('d'), usedUp('a')]);
    expect(shown.length - new Set(shown).size).toBe(0);
  });
});
