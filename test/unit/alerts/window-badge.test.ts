import { describe, expect, it } from 'vitest';
import { applyCodexReading } from '../../../lib/core/apply-codex-usage';
import { BADGE_COLORS, badgeFor } from '../../../lib/alerts/quota-badge';
import { emptyQuotaState } from '../../../lib/core/quota-state';
import { codexReading, codexWindow } from '../core/codex-bodies';
import { HOUR, T0 } from '../core/readings';

/** The badge set to a Codex window: percent left in at most four characters, coloured by its threshold (a percent). */

const RESET = T0 + 5 * HOUR;
const NAME = 'codex:primary';

/** The badge at `now`, with the user's threshold when one is given, else the default. */
function badgeAt(usedPercent: number | null, now: number = T0, threshold?: number) {
  const windows = usedPercent === null ? [] : [codexWindow('primary', usedPercent, RESET)];
  const state = applyCodexReading(emptyQuotaState(), codexReading(T0, { windows }), 'a');
  return badgeFor(state.accounts.a, now, { badgeFeature: NAME, lowThresholds: threshold === undefined ? {} : { [NAME]: threshold } });
}

const ROWS: {
  rule: string;
  used: number | null;
  now?: number;
  threshold?: number;
  text: string;
  color: string;
  staleAt?: number | null;
}[] = [
  { rule: 'percent left', used: 37, text: '63%', color: BADGE_COLORS.normal, staleAt: RESET },
  { rule: 'a full window is 100%, four characters', used: 0, text: '100%', color: BADGE_COLORS.normal },
  { rule: 'low at the default 20% left', used: 80, text: '20%', color: BADGE_COLORS.low },
  { rule: 'not low at 21% left', used: 79, text: '21%', color: BADGE_COLORS.normal },
  { rule: 'a chosen threshold', used: 50, threshold: 60, text: '50%', color: BADGE_COLORS.low },
  { rule: 'almost used up is 1%, not 0%', used: 99.6, text: '1%', color: BADGE_COLORS.low },
  { rule: 'used up is red', used: 100, text: '0%', color: BADGE_COLORS.empty },
  { rule: 'grey once its reset has passed', used: 37, now: RESET, text: '63%', color: BADGE_COLORS.stale, staleAt: null },
  { rule: 'no number before a Codex reading', used: null, text: '', color: BADGE_COLORS.none },
];

describe('the badge on a Codex window', () => {
  it.each(ROWS)('$rule', ({ used, now, threshold, text, color, staleAt }) => {
    const view = badgeAt(used, now, threshold);
    expect(view.text).toBe(text);
    expect(view.text.length).toBeLessThanOrEqual(4);
    expect(view.color).toBe(color);
    if (staleAt !== undefined) expect(view.staleAt).toBe(staleAt);
  });
});
