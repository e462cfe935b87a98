import { describe, expect, it } from 'vitest';
import { applyCodexReading } from '../../../lib/core/apply-codex-usage';
import { dueNotices, pendingRefills, refillNotice, type Notice } from '../../../lib/alerts/notification-policy';
import { recordSent, type NoticeLedger } from '../../../lib/alerts/notice-ledger';
import { defaultSettings, type Settings } from '../../../lib/alerts/settings';
import { emptyQuotaState, type QuotaState } from '../../../lib/core/quota-state';
import { codexReading, codexWindow } from '../core/codex-bodies';
import { HOUR } from '../core/readings';

/** Low, used-up and refill notices for Codex windows: once per window, threshold 20% left unless chosen. */

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 8, 15, 12, 0, 0);
const RESET = T0 + 5 * HOUR;
const WEEK_RESET = T0 + 5 * 24 * HOUR;
const ON: Settings = { ...defaultSettings(), notifications: true };

/** Codex readings ten minutes apart: [5-hour used, weekly used]; each step sends what is due. */
function run(steps: Array<[number, number]>, settings: Settings = ON, reset: number = RESET) {
  let state: QuotaState = emptyQuotaState();
  let ledger: NoticeLedger = {};
  const sent: Notice[] = [];
  steps.forEach(([primary, weekly], index) => {
    const at = T0 + index * 10 * MINUTE;
    const windows = [codexWindow('primary', primary, reset), codexWindow('secondary', weekly, WEEK_RESET, 604_800)];
    state = applyCodexReading(state, codexReading(at, { windows }), 'a');
    const notices = dueNotices('a', state.accounts.a!, settings, ledger, at);
    ledger = recordSent(ledger, notices, at);
    sent.push(...notices);
  });
  return { ledger, sent: sent.map(({ kind, feature, remaining }) => `${kind} ${feature} ${remaining}`) };
}

describe('notices for Codex windows', () => {
  it('low once at 20% left, used up once, for each window on its own', () => {
    expect(
      run([
        [50, 10],
        [81, 10],
        [85, 10],
        [90, 82],
        [100, 85],
        [100, 100],
      ]).sent,
    ).toEqual(['low codex:primary 19', 'low codex:secondary 18', 'exhausted codex:primary 0', 'exhausted codex:secondary 0']);
  });

  it('a chosen threshold (percent left) replaces the default', () => {
    expect(
      run(
        [
          [40, 0],
          [55, 0],
        ],
        { ...ON, lowThresholds: { 'codex:primary': 50 } },
      ).sent,
    ).toEqual(['low codex:primary 45']);
  });

  it('none when notifications are off', () => {
    expect(run([[100, 100]], { ...ON, notifications: false }).sent).toEqual([]);
  });

  it('one refill at the reset of a window warned about, not twice', () => {
    const { ledger } = run([[85, 0]]);
    const [pending] = pendingRefills(ledger);
    expect(pending?.warningId).toContain('codex:primary');
    expect(refillNotice(ledger, pending!.warningId, RESET - MINUTE)).toBeNull();
    const refill = refillNotice(ledger, pending!.warningId, RESET + 10 * MINUTE);
    expect(refill).toMatchObject({ kind: 'refill', feature: 'codex:primary' });
    expect(refillNotice(recordSent(ledger, [refill!], RESET + 10 * MINUTE), pending!.warningId, RESET + 20 * MINUTE)).toBeNull();
  });

  it('a new window may warn again', () => {
    const first = run([[85, 0]]);
    expect(first.sent).toEqual(['low codex:primary 15']);
    let state = applyCodexReading(
      emptyQuotaState(),
      codexReading(RESET + HOUR, { windows: [codexWindow('primary', 90, RESET + 6 * HOUR)] }),
      'a',
    );
    expect(dueNotices('a', state.accounts.a!, ON, first.ledger, RESET + HOUR).map((notice) => notice.kind)).toEqual(['low']);
    state = applyCodexReading(state, codexReading(RESET + HOUR, { windows: [codexWindow('primary', 90, RESET)] }), 'a');
    expect(dueNotices('a', state.accounts.a!, ON, first.ledger, RESET - HOUR)).toEqual([]);
  });

  it('with the forecast on, a low notice says when the window runs out at this pace, before its reset', () => {
    const at = (hour: number) => T0 + hour * HOUR;
    let state = emptyQuotaState();
    // 25 points an hour: 85% used at hour 3, 15 left, out about 36 minutes later, well before the reset at hour 5.
    for (const [hour, used] of [
      [0, 10],
      [1, 35],
      [2, 60],
      [3, 85],
    ] as const) {
      state = applyCodexReading(state, codexReading(at(hour), { windows: [codexWindow('primary', used, RESET)] }), 'a');
    }
    const [notice] = dueNotices('a', state.accounts.a!, { ...ON, runOutForecast: true }, {}, at(3));
    expect(notice).toMatchObject({ kind: 'low', feature: 'codex:primary', runsOutAt: at(3) + 36 * MINUTE });
    expect(dueNotices('a', state.accounts.a!, ON, {}, at(3))[0]?.runsOutAt).toBeNull();
  });
});
