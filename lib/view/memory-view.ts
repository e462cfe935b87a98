import { accountMeters } from '../alerts/account-meters';
import type { Settings } from '../alerts/settings';
import type { MeterStatus } from '../core/meter';
import type { AccountState } from '../core/quota-state';

/**
 * What the popup's memory line shows: "83% full" with a bar, the token counts in its details, and
 * how old the reading is (nothing asks for a newer one). Null when memory was never read, or when
 * its maximum is unknown: nothing rather than a guess (lib/alerts/memory-meters.ts). Pure.
 */

export interface MemoryView {
  /** Whole percent in use. */
  full: number;
  usedTokens: number;
  maxTokens: number;
  /** low at 90% full (or the user's threshold), empty when full. */
  status: MeterStatus;
  seenAt: number;
}

export function memoryView(
  account: AccountState | undefined,
  now: number,
  lowThresholds: Settings['lowThresholds'] = {},
): MemoryView | null {
  const memory = account?.memory;
  const meter = accountMeters(account, { lowThresholds }, now).find((entry) => entry.group === 'memory');
  if (!memory || meter === undefined || memory.usedTokens === null || memory.maxTokens === null) return null;
  return {
    full: 100 - meter.left,
    usedTokens: memory.usedTokens,
    maxTokens: memory.maxTokens,
    status: meter.status,
    seenAt: memory.seenAt,
  };
}
