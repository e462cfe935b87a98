import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rearmRefillAlarms } from '../../../entrypoints/background/notifier';
import { MAX_PENDING_REFILLS, pendingRefills } from '../../../lib/alerts/notification-policy';
import { windowKey } from '../../../lib/alerts/notice-ledger';
import { noticeLedgerStore } from '../../../lib/extension/notice-ledger-store';

/**
 * Finding 3 of the outside review: the cap of 20 limited only the alarms made per pass; the others stayed
 * armed (60 after 6 hours, Chrome's 500 in about two days). Three days of fake time, ten new
 * warnings an hour whose windows reset over the next days: never more than 20 refill alarms
 * armed, and the armed ones are the soonest resets. Fails on the code before the issue.
 */

const T0 = Date.UTC(2026, 8, 15, 0);
const HOUR = 3_600_000;

const refillAlarms = async () => (await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.name.startsWith('refill|'));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('refill alarms over three days', () => {
  it(`never more than ${MAX_PENDING_REFILLS} armed; those armed are the soonest resets`, async () => {
    let most = 0;
    for (let hour = 0; hour < 72; hour++) {
      const now = T0 + hour * HOUR;
      vi.setSystemTime(now);
      await noticeLedgerStore.update((ledger) => {
        const next: Record<string, number> = { ...ledger };
        // Later windows first, then sooner ones: each hour pushes earlier ones out of the soonest 20.
        for (let index = 0; index < 10; index++) next[`low|acct|f${hour}_${index}|${windowKey(now + (30 - index) * HOUR)}`] = now;
        return next;
      });
      // Alarms due by now have fired (a fired alarm is gone).
      for (const alarm of await refillAlarms()) if (alarm.scheduledTime <= now) await fakeBrowser.alarms.clear(alarm.name);
      await rearmRefillAlarms(now);
      const armed = await refillAlarms();
      most = Math.max(most, armed.length);
      expect(armed.length, `hour ${hour}`).toBeLessThanOrEqual(MAX_PENDING_REFILLS);
    }
    const names = (await refillAlarms()).map((alarm) => alarm.name).sort();
    const soonest = pendingRefills(await noticeLedgerStore.get()).map(({ warningId }) => `refill|${warningId}`);
    expect(most).toBe(MAX_PENDING_REFILLS);
    expect(names).toEqual(soonest.sort());
  });
});
