import { meterStatus, type Meter } from '../core/meter';
import type { BlockedState, FeatureState } from '../core/quota-state';
import { dropSeen } from '../core/run-out-forecast';
import { lowThreshold } from './low-threshold';

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
type FeatureReading = NonNullable<FeatureAccount['features'][string]>;
type BlockReading = FeatureAccount['blocked'][number];

/** The most seen is a cap worth a bar only once a drop from it was seen (or the count is below it). */
function maxSeenCap(feature: FeatureReading): Meter['cap'] {
  const known = feature.maxSeen > 0 && (feature.remaining < feature.maxSeen || dropSeen(feature.points ?? []));
  return known ? { value: feature.maxSeen, source: 'maxSeen' } : null;
}

function featureMeter(
  name: string,
  feature: FeatureReading | undefined,
  block: BlockReading | undefined,
  settings: Thresholds,
  now: number,
): Meter {
  const mostSeen = feature !== undefined && feature.maxSeen > 0 ? feature.maxSeen : null;
  const threshold = lowThreshold(settings, { id: name, unit: 'count', mostSeen });
  const limit = block?.limit ?? null;
  const reading =
    block !== undefined
      ? {
          left: 0,
          cap: limit !== null && limit > 0 ? { value: limit, source: 'limit' as const } : null,
          resetsAt: block.resetsAt,
          resetEstimated: false,
          windowNotStarted: false,
          points: [],
        }
      : {
          left: feature?.remaining ?? 0,
          cap: feature === undefined ? null : maxSeenCap(feature),
          resetsAt: feature?.resetsAt ?? null,
          resetEstimated: feature?.resetEstimated === true,
          windowNotStarted: feature?.windowNotStarted === true,
          points: feature?.points ?? [],
        };
  const blocked = block !== undefined;
  return {
    id: name,
    group: 'features',
    label: { kind: 'feature', name },
    unit: 'count',
    mostSeen,
    lowThreshold: threshold,
    status: meterStatus({ left: reading.left, resetsAt: reading.resetsAt, blocked, lowThreshold: threshold }, now),
    blocked,
    source: 'server',
    since: feature?.seenAt ?? null,
    ...reading,
  };
}

/**
 * One meter per feature a reading listed, in the order stored, then one per feature only a block
 * names. A feature listed and blocked is one blocked meter; a block the site lists twice, one.
 */
export function featureMeters(account: FeatureAccount, settings: Thresholds, now: number): Meter[] {
  const featureOf = (name: string) => (Object.hasOwn(account.features, name) ? account.features[name] : undefined);
  const blockOf = (name: string) => account.blocked.find((entry) => entry.name === name);
  const listed = Object.keys(account.features).filter((name) => featureOf(name) !== undefined);
  const blockedOnly = [...new Set(account.blocked.map((block) => block.name))].filter((name) => featureOf(name) === undefined);
  return [...listed, ...blockedOnly].map((name) => featureMeter(name, featureOf(name), blockOf(name), settings, now));
}
