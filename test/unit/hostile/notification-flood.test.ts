import { describe, expect, it } from 'vitest';
import {
  dueNotices,
  MAX_NOTICES_PER_HOUR,
  MAX_PENDING_REFILLS,
  overHourlyBudget,
  pendingRefills,
  refillNotice,
} from '../../../lib/alerts/notification-policy';
import { recordSent, type NoticeLedger } from '../../../lib/alerts/notice-ledger';
import { readingFromQuotaObject } from '../core/reading-from-quota-object';
import { MAX_RESET_AHEAD_MS } from '../../../lib/core/reset-time';
import { emptyAccountState, MAX_FEATURES_PER_ACCOUNT, type AccountState } from '../../../lib/core/quota-state';

/**
 * The notification policy (lib/alerts/notification-policy.ts) against readings a page forges
 * faster than any real one: feature names of its choosing, many accounts, windows at one instant.
 */

const NOW = Date.UTC(2026, 8, 15, 12);
const HOUR = 3_600_000;
const SETTINGS = { notifications: true, lowThresholds: {} };
const KNOWN = ['image_gen', 'deep_research', 'odyssey', 'file_upload', 'paste_text_to_file', 'reason', 'dictation', 'send', 'tpp_send'];

/** An account whose features (the names given) are all used up in the window ending at `resetsAt`. */
function usedUp(names: string[], resetsAt = NOW + HOUR): AccountState {
  const account = emptyAccountState();
  for (const name of names) {
    account.features[name] = {
      name,
      remaining: 0,
      resetsAt,
      seenAt: NOW,
      source: 'init',
      maxSeen: 5,
      windowNotStarted: false,
      resetEstimated: false,
    };
  }
  return account;
}

const forgedNames = (prefix: string) => Array.from({ length: MAX_FEATURES_PER_ACCOUNT }, (_, index) => `${prefix}${index}`);

/** Shows what is due for each account in turn, as the notifier does; returns every notice id shown and the ledger. */
function notify(accounts: AccountState[]): { shown: string[]; ledger: NoticeLedger } {
  let ledger: NoticeLedger = {};
  const shown: string[] = [];
  for (const [step, account] of accounts.entries()) {
    const notices = dueNotices(`account${step}`, account, SETTINGS, ledger, NOW + step * 1000);
    shown.push(...notices.map((notice) => notice.id));
    ledger = recordSent(ledger, notices, NOW + step * 1000);
  }
  return { shown, ledger };
}

describe('forged readings and notifications', () => {
  it('a feature name the extension does not know never becomes a notification (its title would be page text)', () => {
    const phishing = 'Security alert: your ChatGPT session expired. Re-login at chatgpt-verify.example';
    expect(notify([usedUp([phishing, ...forgedNames('a')])]).shown).toEqual([]);
  });

  it('known features over many forged accounts: only the hourly budget is shown', () => {
    const { shown } = notify(Array.from({ length: 10 }, () => usedUp(KNOWN)));
    expect(shown).toHaveLength(MAX_NOTICES_PER_HOUR);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('refill notices spend the same budget: when it is spent, a due refill is over budget', () => {
    const { ledger } = notify(Array.from({ length: 10 }, () => usedUp(KNOWN)));
    const later = NOW + 2 * HOUR - 1;
    const due = pendingRefills(ledger).map(({ warningId }) => refillNotice(ledger, warningId, later));
    expect(due.every((notice) => notice !== null)).toBe(true);
    // Refills recorded as they fire: after the budget's worth, the rest is over budget.
    let current = ledger;
    let shown = 0;
    for (const notice of due) {
      if (!overHourlyBudget(current, later)) shown++;
      current = recordSent(current, [notice!], later);
    }
    expect(shown).toBe(MAX_NOTICES_PER_HOUR);
  });

  it('the refill alarms kept armed are capped, soonest first', () => {
    let ledger: NoticeLedger = {};
    for (let index = 0; index < 200; index++) ledger[`exhausted|account${index}|image_gen|${index + 10_000_000}`] = NOW - 2 * HOUR;
    const pending = pendingRefills(ledger);
    expect(pending).toHaveLength(MAX_PENDING_REFILLS);
    expect(pending.map(({ at }) => at)).toEqual([...pending.map(({ at }) => at)].sort((a, b) => a - b));
    ledger = {};
    expect(pendingRefills(ledger)).toEqual([]);
  });

  it.each([
    ['in the year 2200', '2200-01-01T00:00:00Z'],
    ['two months ahead', new Date(NOW + 61 * 24 * HOUR).toISOString()],
  ])('a reset time %s is read as unknown, not as a window to alarm', (_name, resetAfter) => {
    const quota = {
      limits_progress: [{ feature_name: 'image_gen', remaining: 0, reset_after: resetAfter }],
      blocked_features: [{ name: 'deep_research', resets_after: resetAfter }],
    };
    const result = readingFromQuotaObject(quota, { source: 'init', receivedAt: NOW });
    expect(result.ok && result.reading.features?.[0]?.resetsAt).toBeNull();
    expect(result.ok && result.reading.blocked?.[0]?.resetsAt).toBeNull();
  });

  it('a reset time within the longest real window is kept', () => {
    const resetAfter = new Date(NOW + MAX_RESET_AHEAD_MS - HOUR).toISOString();
    const result = readingFromQuotaObject(
      { limits_progress: [{ feature_name: 'deep_research', remaining: 3, reset_after: resetAfter }] },
      { source: 'init', receivedAt: NOW },
    );
    expect(result.ok && result.reading.features?.[0]?.resetsAt).toBe(Date.parse(resetAfter));
  });
});
