import type { BlockedState, FeatureState } from '../core/quota-state';
import { lowThresholdFor } from './low-threshold';
import type { Settings } from './settings';

/**
 * The one rule for what a feature's reading means now, shared by the badge, the chip, the popup
 * and the notifications so that they cannot disagree. A blocked feature is exhausted whatever
 * limits_progress still says (protocol.md section 2); a reading whose reset time has passed is
 * stale: probably refilled, no longer a current number.
 */
export type FeatureStatus = 'normal' | 'low' | 'empty' | 'blocked' | 'stale';

/**
 * What these rules read of an account (an AccountState is one): the page chip, which reads storage
 * without zod (lib/view/chip-input.ts), builds no more than this.
 */
export interface StatusAccount {
  features: Readonly<Record<string, Pick<FeatureState, 'remaining' | 'resetsAt' | 'maxSeen'> | undefined>>;
  blocked: readonly Pick<BlockedState, 'name' | 'resetsAt'>[];
}

/** The feature's status, or null when no reading lists it. */
export function featureStatus(
  account: StatusAccount | undefined,
  feature: string,
  now: number,
  lowThreshold: number,
): FeatureStatus | null {
  const passed = (resetsAt: number | null) => resetsAt !== null && resetsAt <= now;
  const block = account?.blocked.find((entry) => entry.name === feature);
  if (block) return passed(block.resetsAt) ? 'stale' : 'blocked';
  const state = account?.features[feature];
  return state ? statusOfLeft(state.remaining, state.resetsAt, now, lowThreshold) : null;
}

/**
 * What is left of a window (a count, or a Codex window's percent) means now: stale once its reset
 * has passed, else empty at 0 and low at or below the threshold. Features and Codex windows share it.
 */
export function statusOfLeft(left: number, resetsAt: number | null, now: number, lowThreshold: number): Exclude<FeatureStatus, 'blocked'> {
  if (resetsAt !== null && resetsAt <= now) return 'stale';
  if (left === 0) return 'empty';
  return left <= lowThreshold ? 'low' : 'normal';
}

/** The count at or below which this account's `feature` is low, by the user's settings. */
export function lowThresholdOf(settings: Pick<Settings, 'lowThresholds'>, account: StatusAccount | undefined, feature: string): number {
  return lowThresholdFor(settings, feature, account?.features[feature]?.maxSeen ?? 0);
}
