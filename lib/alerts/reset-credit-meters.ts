import type { CodexState } from '../core/codex-state';
import type { Meter } from '../core/meter';
import { newMeter } from './new-meter';

/**
 * Codex's reset credits as a meter (lib/core/meter.ts): how many are available, a count that no
 * reset refills, with the soonest expiry of the unused ones (`expiresAt`, past ones left out). Pure.
 */

/** The reset credits' meter id: a Codex name, so notices title it from our catalogue. */
export const RESET_CREDITS_METER = 'codex:reset_credits';

/** What this adapter reads of an account (an AccountState is one). */
export interface ResetCreditAccount {
  codex?: Partial<Pick<CodexState, 'resetCredits' | 'seenAt'>> | null;
}

type Thresholds = { lowThresholds: Readonly<Record<string, number>> };

/** One meter when the body gave a count of reset credits; none otherwise (an expiry alone is no count). */
export function resetCreditMeters(account: ResetCreditAccount, settings: Thresholds, now: number): Meter[] {
  const credits = account.codex?.resetCredits;
  if (!credits || credits.available === null) return [];
  const left = credits.available;
  return [
    newMeter(
      {
        id: RESET_CREDITS_METER,
        group: 'codex',
        label: { kind: 'resetCredits' },
        unit: 'count',
        left,
        resetsAt: null,
        since: account.codex?.seenAt ?? null,
        expiresAt: left > 0 ? (credits.expiries.find((time) => time > now) ?? null) : null,
      },
      settings,
      now,
    ),
  ];
}
