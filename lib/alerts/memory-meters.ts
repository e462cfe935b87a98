import { memoryPercentFull } from '../core/memory-usage';
import type { MemoryState } from '../core/memory-state';
import type { Meter } from '../core/meter';
import { MEMORY_METER } from './defaults';
import { newMeter } from './new-meter';

/**
 * How full memory is, as a meter (lib/core/meter.ts): the percent still free (`left`), against a
 * scale of 100; the popup says it as "% full". No meter when the maximum or the count is unknown:
 * nothing rather than a guess. Low at 10% free ("90% full") unless the user chose another. Pure.
 */

/** What this adapter reads of an account (an AccountState is one). */
export interface MemoryAccount {
  memory?: MemoryState | null;
}

type Thresholds = { lowThresholds: Readonly<Record<string, number>> };

export function memoryMeters(account: MemoryAccount, settings: Thresholds, now: number): Meter[] {
  const memory = account.memory;
  const full = memory ? memoryPercentFull(memory) : null;
  if (!memory || full === null) return [];
  return [
    newMeter(
      {
        id: MEMORY_METER,
        group: 'memory',
        label: { kind: 'memory' },
        unit: 'percent',
        left: 100 - full,
        resetsAt: null,
        cap: { value: 100, source: 'scale' },
        since: memory.seenAt,
      },
      settings,
      now,
    ),
  ];
}
