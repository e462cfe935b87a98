import { describe, expect, it } from 'vitest';
import { accountKeyOf } from '../../../lib/page/account-key';
import { applyReading } from '../../../lib/core/apply-reading';
import { readingFromFinding } from '../../../lib/core/finding-readings';
import { dueNotices, MAX_NOTICES_PER_HOUR, pendingRefills, refillNotice, type Notice } from '../../../lib/alerts/notification-policy';
import { recordSent, windowKey, type NoticeLedger } from '../../../lib/alerts/notice-ledger';
import { readingFromQuotaObject } from '../core/reading-from-quota-object';
import { DEFAULT_ACCOUNT, emptyAccountState, emptyQuotaState, type QuotaState } from '../../../lib/core/quota-state';
import type { Reading } from '../../../lib/core/quota-types';
import { defaultSettings, type Settings } from '../../../lib/alerts/settings';
import { fixtureText } from '../fixtures';
import { feature, HOUR, reading } from '../core/readings';

/**
 * The notification policy over real sequences of readings: each step folds a reading into the
 * state with applyReading, asks dueNotices what is due for that account now, and records what
 * was sent, as the background does. One "low" and one "used up" per account, feature and window.
 */

const MINUTE = 60_000;
/** A time on a 10-minute boundary, so that rounding edges below are where the test says. */
const T0 = Date.UTC(2026, 8, 15, 12, 0, 0);
const WINDOW_END = T0 + 6 * HOUR;
const NEXT_WINDOW_END = WINDOW_END + 24 * HOUR;
const ON: Settings = { ...defaultSettings(), notifications: true };

interface Step {
  reading: Reading;
  account?: string;
}

interface Run {
  state: QuotaState;
  ledger: NoticeLedger;
  sent: Notice[];
}

/** Folds each step and sends what is due, like the background's notifyDue. */
function run(steps: Step[], settings: Settings = ON, start: Run = { state: emptyQuotaState(), ledger: {}, sent: [] }): Run {
  let { state, ledger } = start;
  const sent = [...start.sent];
  for (const { reading: next, account = DEFAULT_ACCOUNT } of steps) {
    state = applyReading(state, next, account);
    const notices = dueNotices(account, state.accounts[account]!, settings, ledger, next.receivedAt);
    ledger = recordSent(ledger, notices, next.receivedAt);
    sent.push(...notices);
  }
  return { state, ledger, sent };
}

/** image_gen readings a few minutes apart within one window. */
function images(counts: number[], resetsAt: number = WINDOW_END, from: number = T0): Step[] {
  return counts.map((remaining, index) => ({
    reading: reading(from + index * 5 * MINUTE, { source: 'stream', features: [feature('image_gen', remaining, resetsAt)], blocked: [] }),
  }));
}

function refusalStep(at: number, resetsInMs: number | null): Step {
  const result = readingFromFinding({ kind: 'refusal', carrier: 'stream', feature: 'image_gen', resetsInMs }, at);
  if (result === null || !result.ok || result.kind !== 'quota') throw new Error('no refusal reading');
  return { reading: result.reading };
}

const kinds = (sent: Notice[]) => sent.map((notice) => notice.kind);

describe('low and used up, once per window', () => {
  it('crossing the threshold gives exactly one "low", at the reading that crossed it', () => {
    const { sent } = run(images([50, 30, 11, 10]));
    expect(sent).toEqual([
      {
        id: `low|default|image_gen|${windowKey(WINDOW_END)}`,
        kind: 'low',
        account: DEFAULT_ACCOUNT,
        feature: 'image_gen',
        remaining: 10,
        resetsAt: WINDOW_END,
        runsOutAt: null,
      },
    ]);
  });

  it('readings that stay low give no more', () => {
    expect(kinds(run(images([50, 10, 9, 9, 8, 5, 1])).sent)).toEqual(['low']);
  });

  it('dropping to 0 afterwards gives one "used up"; more zeros give none', () => {
    expect(kinds(run(images([50, 10, 4, 0, 0, 0])).sent)).toEqual(['low', 'exhausted']);
  });

  it('low and used up both new (straight to 0): only "used up"', () => {
    expect(kinds(run(images([50, 0, 0])).sent)).toEqual(['exhausted']);
  });

  it('the first reading already low is a crossing too', () => {
    expect(kinds(run(images([3])).sent)).toEqual(['low']);
  });

  it('a blocked feature is used up, whatever its count said (the captured cap)', () => {
    const capAt = Date.UTC(2026, 8, 17, 20, 18, 40);
    const cap = readingFromQuotaObject(
      JSON.parse(fixtureText('real', 'stream_cdm_cap_reached_free_2026-09.sse.txt').replace(/^data: /, '')),
      { source: 'stream', receivedAt: capAt },
    );
    if (!cap.ok) throw new Error(cap.error);
    const before = images([25], Date.parse('2026-09-18T01:18:40Z'), capAt - HOUR);
    const { sent } = run([...before, { reading: cap.reading }, { reading: { ...cap.reading, receivedAt: capAt + MINUTE } }]);
    // file_upload and image_gen are blocked; reason (a thinking feature at 0) is used up too.
    expect(sent.map((notice) => `${notice.kind} ${notice.feature}`).sort()).toEqual([
      'exhausted file_upload',
      'exhausted image_gen',
      'exhausted reason',
    ]);
  });

  it('a new window (a later reset) arms the notices again', () => {
    const first = images([50, 9, 0]);
    const next = images([120, 60, 9, 0], NEXT_WINDOW_END, WINDOW_END + HOUR);
    const { sent } = run([...first, ...next]);
    expect(kinds(sent)).toEqual(['low', 'exhausted', 'low', 'exhausted']);
    expect(new Set(sent.map((notice) => notice.id)).size).toBe(4);
  });

  it('a window that has passed says nothing about now', () => {
    const account = run(images([50])).state.accounts[DEFAULT_ACCOUNT]!;
    const stale = { ...account, features: { image_gen: { ...account.features.image_gen!, remaining: 2 } } };
    expect(dueNotices(DEFAULT_ACCOUNT, stale, ON, {}, WINDOW_END + 1)).toEqual([]);
    expect(dueNotices(DEFAULT_ACCOUNT, stale, ON, {}, WINDOW_END - 1)).toHaveLength(1);
  });

  it('an unknown reset time is one window: one notice, not one per reading', () => {
    const steps = [50, 9, 8].map((remaining, index) => ({
      reading: reading(T0 + index * MINUTE, { features: [feature('image_gen', remaining, null)] }),
    }));
    const { sent } = run(steps);
    expect(sent.map((notice) => notice.id)).toEqual(['low|default|image_gen|unknown']);
  });
});

describe('accounts, tabs and restarts', () => {
  const personal = accountKeyOf('personal');
  const team = accountKeyOf('team');
  const on = (account: string, steps: Step[]) => steps.map((step) => ({ ...step, account }));

  it('two accounts are independent', () => {
    const { sent } = run([...on(personal, images([50, 9])), ...on(team, images([40, 9])), ...on(personal, images([8]))]);
    expect(sent.map((notice) => `${notice.kind} ${notice.account}`)).toEqual([`low ${personal}`, `low ${team}`]);
  });

  it('"two tabs": the same reading applied twice, through recordSent, gives one notice', () => {
    const [reading9] = images([9]);
    const { sent } = run([...images([50]), reading9!, reading9!]);
    expect(kinds(sent)).toEqual(['low']);
  });

  it('a restart keeps nothing but the stored ledger, and that is enough', () => {
    const before = run(images([50, 9]));
    const after = run(images([9, 8]), ON, { state: emptyQuotaState(), ledger: before.ledger, sent: [] });
    expect(after.sent).toEqual([]);
  });

  it('notifications off: none, whatever happens', () => {
    expect(run(images([50, 9, 0]), { ...ON, notifications: false }).sent).toEqual([]);
  });
});

describe('estimated and exact reset times of one window', () => {
  const REFUSAL_DELAY = 14 * HOUR + 2 * MINUTE;

  it.each([
    ['the same minute', 0],
    ['across a rounding edge (exact 3 minutes later)', 3 * MINUTE],
    ['exact 4 minutes earlier', -4 * MINUTE],
    ['exact 8 minutes later (the estimate is kept)', 8 * MINUTE],
  ])('a refusal, then the exact reading of the same window (%s): one "used up"', (_name, offset) => {
    // The refusal's estimate falls 2 minutes past a 10-minute edge: its window key is the lower one.
    const refusedAt = T0 + 2 * HOUR;
    const estimate = refusedAt + REFUSAL_DELAY;
    const exact = estimate + offset;
    const { sent } = run([...images([30], exact), refusalStep(refusedAt, REFUSAL_DELAY), ...images([0, 0], exact, refusedAt + MINUTE)]);
    expect(kinds(sent)).toEqual(['exhausted']);
  });

  it('a refusal after a "low" of the exact window: one low, one used up', () => {
    const { sent } = run([...images([9], T0 + 16 * HOUR + 5 * MINUTE), refusalStep(T0 + 2 * HOUR, 14 * HOUR + 2 * MINUTE)]);
    expect(kinds(sent)).toEqual(['low', 'exhausted']);
  });
});

describe('refill notices', () => {
  /** What one window's warnings left in the ledger. */
  function warned(counts: number[], resetsAt: number = WINDOW_END): NoticeLedger {
    return run(images(counts, resetsAt)).ledger;
  }

  it('the refill of a warned window is due at the time pendingRefills names, not before, and once', () => {
    const ledger = warned([50, 9]);
    const [pending] = pendingRefills(ledger);
    expect(pending?.warningId).toBe(`low|default|image_gen|${windowKey(WINDOW_END)}`);
    expect(pending!.at).toBeGreaterThanOrEqual(WINDOW_END);
    expect(refillNotice(ledger, pending!.warningId, pending!.at - 1)).toBeNull();
    const notice = refillNotice(ledger, pending!.warningId, pending!.at);
    expect(notice).toMatchObject({
      kind: 'refill',
      account: DEFAULT_ACCOUNT,
      feature: 'image_gen',
      id: `refill|default|image_gen|${windowKey(WINDOW_END)}`,
    });
    const after = recordSent(ledger, [notice!], pending!.at);
    expect(refillNotice(after, pending!.warningId, pending!.at + HOUR)).toBeNull();
    expect(pendingRefills(after)).toEqual([]);
  });

  it.each([0, 1, 4 * MINUTE + 59_999, 5 * MINUTE, 5 * MINUTE + 1, 9 * MINUTE + 59_999])(
    'never before the reset time, and within a quarter hour after it (reset %i ms past a 10-minute mark)',
    (offset) => {
      const resetsAt = WINDOW_END + offset;
      const [pending] = pendingRefills(warned([9], resetsAt));
      expect(pending!.at).toBeGreaterThanOrEqual(resetsAt);
      expect(pending!.at - resetsAt).toBeLessThanOrEqual(15 * MINUTE);
      expect(refillNotice(warned([9], resetsAt), pending!.warningId, resetsAt - 1)).toBeNull();
    },
  );

  it('a low and a used-up warning of one window share one refill', () => {
    const ledger = warned([50, 9, 0]);
    const pending = pendingRefills(ledger);
    expect(pending.map((entry) => entry.warningId)).toEqual([`exhausted|default|image_gen|${windowKey(WINDOW_END)}`]);
    const now = pending[0]!.at;
    const low = refillNotice(ledger, `low|default|image_gen|${windowKey(WINDOW_END)}`, now);
    const exhausted = refillNotice(ledger, pending[0]!.warningId, now);
    expect(low?.id).toBe(exhausted?.id);
  });

  it('a low of the exact time and a used-up of an estimate one rounding step later share one refill', () => {
    const exact = WINDOW_END;
    const refusedAt = T0 + HOUR;
    const estimateDelay = exact + 8 * MINUTE - refusedAt;
    const { ledger, sent } = run([...images([9], exact), refusalStep(refusedAt, estimateDelay)]);
    expect(kinds(sent)).toEqual(['low', 'exhausted']);
    // As the background does: each armed refill alarm fires once, and asks for its notice.
    let current = ledger;
    const shown: Notice[] = [];
    for (const { warningId } of pendingRefills(ledger)) {
      const notice = refillNotice(current, warningId, exact + HOUR);
      if (notice === null) continue;
      current = recordSent(current, [notice], exact + HOUR);
      shown.push(notice);
    }
    expect(shown).toHaveLength(1);
  });

  it('warnings of unknown windows have no refill', () => {
    const ledger = recordSent(
      {},
      [
        {
          id: 'low|default|image_gen|unknown',
          kind: 'low',
          account: DEFAULT_ACCOUNT,
          feature: 'image_gen',
          remaining: 3,
          resetsAt: null,
          runsOutAt: null,
        },
      ],
      T0,
    );
    expect(pendingRefills(ledger)).toEqual([]);
    expect(refillNotice(ledger, 'low|default|image_gen|unknown', T0 + 100 * HOUR)).toBeNull();
  });

  it.each([
    ['a refill id', 'refill|default|image_gen|2000'],
    ['another kind', 'other|default|image_gen|2000'],
    ['a missing part', 'low|default|image_gen'],
    ['an empty account', 'low||image_gen|2000'],
    ['not a number', 'low|default|image_gen|soon'],
    ['garbage', 'garbage'],
    ['a feature name with a bar in it', 'low|default|odd|name|2000'],
    ['a window that is not a whole number', 'low|default|image_gen|1.5'],
  ])('%s is no warning to refill', (_name, id) => {
    expect(refillNotice({ [id]: T0 }, id, T0 + 1000 * 24 * HOUR)).toBeNull();
    expect(pendingRefills({ [id]: T0 })).toEqual([]);
  });
});

describe('the run-out forecast in a low notice', () => {
  // Image counts 5 minutes apart: 30 used in 20 minutes, 10 left, the window ends in 6 hours.
  const counts = [40, 30, 20, 10];
  const lowAt = T0 + 15 * MINUTE;

  it.each([
    ['off (the default): the low notice alone', ON, null],
    ['on: when, at this pace, it runs out before the reset', { ...ON, runOutForecast: true }, lowAt + (10 / 30) * 30 * MINUTE],
  ])('%s', (_name, settings, runsOutAt) => {
    const { sent } = run(images(counts), settings);
    expect(sent.map(({ kind, remaining }) => [kind, remaining])).toEqual([['low', 10]]);
    expect(sent[0]?.runsOutAt).toBe(runsOutAt);
  });

  it('says nothing of a pace that lasts until the reset, nor of a used-up feature', () => {
    const slow = run(images([12, 11, 10], T0 + 30 * MINUTE), { ...ON, runOutForecast: true });
    expect(slow.sent.map(({ kind, runsOutAt }) => [kind, runsOutAt])).toEqual([['low', null]]);
    const usedUp = run(images([30, 20, 0]), { ...ON, runOutForecast: true });
    expect(usedUp.sent.map(({ kind, runsOutAt }) => [kind, runsOutAt])).toEqual([['exhausted', null]]);
  });
});

describe('the ledger', () => {
  const windowOf = (time: number) => Math.round(time / 600_000);
  const lowNotice = (index: number, resetsAt: number): Notice => ({
    id: `low|default|feature_${index}|${windowOf(resetsAt)}`,
    kind: 'low',
    account: DEFAULT_ACCOUNT,
    feature: `feature_${index}`,
    remaining: 1,
    resetsAt,
    runsOutAt: null,
  });

  it('is bounded (2000), dropping the entries of ended windows before those of running ones', () => {
    // 1000 warnings of windows still running, sent first (oldest), then 1500 of windows already over.
    const running = Array.from({ length: 1000 }, (_, index) => lowNotice(index, T0 + 86_400_000));
    const ended = Array.from({ length: 1500 }, (_, index) => lowNotice(1000 + index, T0 - 86_400_000));
    // Recorded as the notifier does, a reading's notices at a time (here 100 at once; 25 steps).
    const batches = Array.from({ length: 25 }, (_, step) => [...running, ...ended].slice(step * 100, step * 100 + 100));
    const ledger = batches.reduce((current, batch, step) => recordSent(current, batch, T0 + step), {} as NoticeLedger);
    expect(Object.keys(ledger)).toHaveLength(2000);
    for (const notice of running) expect(ledger[notice.id]).toBeDefined();
    // Of the ended ones, the newest stay.
    expect(ledger[ended[1499]!.id]).toBeDefined();
    expect(ledger[ended[0]!.id]).toBeUndefined();
  });

  it('lets at most MAX_NOTICES_PER_HOUR notices out in an hour; the rest wait, and none is ever shown twice', () => {
    // Only known features are notified: three accounts with every one of them used up.
    const names = ['image_gen', 'deep_research', 'odyssey', 'file_upload', 'paste_text_to_file', 'reason', 'dictation', 'send', 'tpp_send'];
    const account = emptyAccountState();
    for (const name of names) {
      account.features[name] = {
        name,
        remaining: 0,
        resetsAt: T0 + 48 * 3_600_000,
        seenAt: T0,
        source: 'init',
        maxSeen: 5,
        windowNotStarted: false,
        resetEstimated: false,
      };
    }
    const settings = { notifications: true, lowThresholds: {} };
    const dueFor = (ledger: NoticeLedger, now: number) =>
      ['a', 'b', 'c'].flatMap((id) => dueNotices(id, account, settings, ledger, now)).slice(0, MAX_NOTICES_PER_HOUR);
    const first = dueFor({}, T0);
    expect(first).toHaveLength(MAX_NOTICES_PER_HOUR);
    const ledger = recordSent({}, first, T0);
    expect(['a', 'b', 'c'].flatMap((id) => dueNotices(id, account, settings, ledger, T0 + 60_000))).toEqual([]);
    const later = dueFor(ledger, T0 + 3_600_001);
    expect(later).toHaveLength(MAX_NOTICES_PER_HOUR);
    expect(later.some((notice) => first.some((shown) => shown.id === notice.id))).toBe(false);
  });

  it('recording nothing is the very same ledger (nothing to write)', () => {
    const ledger = { 'low|default|image_gen|1': T0 };
    expect(recordSent(ledger, [], T0)).toBe(ledger);
  });
});
