import type { Meter } from '../core/meter';
import type { BlockedState, FeatureState } from '../core/quota-state';
import { newMeter } from './new-meter';

/**
 * ChatGPT's features as meters (lib/core/meter.ts): a count left per feature, and a block
 * (blocked_features) as a meter with nothing left until the block ends, whatever limits_progress
 * still says (protocol.md section 2). Pure.
 */

/**
 * What this adapter reads of an account (an AccountState is one). The page chip, which reads
 * storage without zod (lib/view/chip-input.ts), builds no more than it shows: the fields it leaves
 * out read as "not known" (no points, no time read, no stated cap).
 */
export interface FeatureAccount {
  features: Readonly<
    Record<
      string,
      | (Pick<FeatureState, 'remaining' | 'resetsAt' | 'maxSeen'> &
          Partial<Pick<FeatureState, 'windowNotStarted' | 'resetEstimated' | 'seenAt' | 'points'>>)
      | undefined
    >
  >;
  blocked: readonly (Pick<BlockedState, 'name' | 'resetsAt'> & Partial<Pick<BlockedState, 'limit'>>)[];
}

type Thresholds = { lowThresholds: Readonly<Record<string, number>> };

/**
 * One meter per feature a reading listed, in the order stored, then one per feature only a block
 * names. A feature listed and blocked is one blocked meter: nothing left until the block ends,
 * against the cap the site states. A block the site lists twice is one meter.
 */
export function featureMeters(account: FeatureAccount, settings: Thresholds, now: number): Meter[] {
  const names = new Set([...Object.keys(account.features), ...account.blocked.map((block) => block.name)]);
  return [...names].flatMap((name) => {
    // Names are safe keys (lib/core/schema-parts.ts): none reads an inherited member.
    const feature = account.features[name];
    const block = account.blocked.find((entry) => entry.name === name);
    const limit = block?.limit ?? 0;
    const reading = block
      ? { left: 0, resetsAt: block.resetsAt, blocked: true, cap: limit > 0 ? { value: limit, source: 'limit' as const } : null }
      : feature && {
          left: feature.remaining,
          resetsAt: feature.resetsAt,
          resetEstimated: feature.resetEstimated === true,
          windowNotStarted: feature.windowNotStarted === true,
          points: feature.points ?? [],
        };
    if (!reading) return [];
    const mostSeen = feature && feature.maxSeen > 0 ? feature.maxSeen : null;
    const label = { kind: 'feature' as const, name };
    return [
      newMeter({ id: name, group: 'features', label, unit: 'count', mostSeen, since: feature?.seenAt ?? null, ...reading }, settings, now),
    ];
  });
}
