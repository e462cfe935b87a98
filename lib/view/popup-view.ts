import type { AccountState, BlockedState, FeatureState } from '../core/quota-state';
import type { ReadingSource } from '../core/quota-types';
import { dropSeen, forecastRunOut, type RunOutForecast } from '../core/run-out-forecast';
import { DEFAULT_BADGE_FEATURE } from '../alerts/quota-badge';
import type { Settings } from '../alerts/settings';
import { type FeatureStatus, featureStatus, lowThresholdOf } from '../alerts/feature-status';

/**
 * What the popup shows for one account, derived from stored state and the time. Pure: the
 * components only turn this into text and markup, so every rule here is tested with tables.
 */

/** A reading older than this may be out of date: Plus image quotas move by the hundred a day. */
export const OUTDATED_AFTER_MS = 6 * 60 * 60 * 1000;

export type ResetView = { kind: 'ahead'; at: number } | { kind: 'passed'; at: number } | { kind: 'windowNotStarted' } | { kind: 'unknown' };

/**
 * The cap a bar is drawn against, only where it is known: limit, the cap the site states for a
 * blocked feature; maxSeen, the most seen this window once a drop from it was seen (the first
 * reading of a window says nothing of the cap: "4 left" of a most seen 4 is no full bar).
 */
export interface CapView {
  value: number;
  source: 'limit' | 'maxSeen';
}

export interface FeatureView {
  name: string;
  remaining: number;
  status: FeatureStatus;
  cap: CapView | null;
  /** The largest count seen this window (details); null when none or when the site states the cap. */
  mostSeen: number | null;
  /** When and where the feature's count was read (details); null for a block no reading counted. */
  readFrom: { source: ReadingSource; at: number } | null;
  /** At the pace of the last hours' drops, when it runs out (an estimate); null when too little is known. */
  forecast: RunOutForecast | null;
  reset: ResetView;
  /** The reset time was worked out from a refusal's wording ("resets in 14 hours"), not given by the server. */
  resetEstimated: boolean;
  /** The end of a "generating images too quickly" pause still ahead (an estimate: "wait for an hour"). */
  cooldownUntil: number | null;
  /** Listed in blocked_features: the reset is when the block ends (it may have passed: then stale). */
  blocked: boolean;
  /** When an earlier reading than the latest listed this feature; null when the latest did. */
  lastSeenAt: number | null;
  /** The site's own localized words for a block, shown as given. */
  siteDescription: string | null;
  siteResetText: string | null;
}

export interface ModelLimitView {
  model: string;
  fallback: string | null;
  reset: ResetView;
  description: string | null;
}

export interface FreshnessView {
  at: number;
  /** The stored-state schema checked it is one of READING_SOURCES. */
  source: ReadingSource;
  outdated: boolean;
}

export interface PopupView {
  /** False until a reading listed a feature or a block: then the popup says how to get one. */
  hasReading: boolean;
  features: FeatureView[];
  modelLimits: ModelLimitView[];
  defaultModel: string | null;
  freshness: FreshnessView | null;
  /**
   * Pauses still ahead for features no reading listed (a plan's limits_progress may leave
   * image_gen out): shown on their own, since no feature item carries them.
   */
  cooldowns: Array<{ feature: string; until: number }>;
}

export function resetView(resetsAt: number | null, now: number): ResetView {
  if (resetsAt === null) return { kind: 'unknown' };
  return resetsAt > now ? { kind: 'ahead', at: resetsAt } : { kind: 'passed', at: resetsAt };
}

interface PopupViewOptions {
  /** The name the user reads (translated), for the order; the raw name by default. */
  label?: (name: string) => string;
  /** The user's low thresholds (settings), so the popup, badge, chip and notifications agree. */
  lowThresholds?: Settings['lowThresholds'];
}

function cooldownUntil(name: string, account: AccountState, now: number): number | null {
  const ends = account.cooldowns.filter((cooldown) => cooldown.feature === name && cooldown.until > now).map((cooldown) => cooldown.until);
  return ends.length > 0 ? Math.max(...ends) : null;
}

function lastSeenAt(feature: FeatureState | undefined, account: AccountState): number | null {
  const latest = account.lastReading?.at;
  return feature !== undefined && latest !== undefined && feature.seenAt < latest ? feature.seenAt : null;
}

// A blocked feature is exhausted whatever limits_progress still says (protocol.md section 2), and
// its reset time is the block's own, as on the badge.
function blockedFeatureView(block: BlockedState, feature: FeatureState | undefined, account: AccountState, now: number): FeatureView {
  const reset = resetView(block.resetsAt, now);
  const cap = block.limit !== null && block.limit > 0 ? { value: block.limit, source: 'limit' as const } : null;
  return {
    name: block.name,
    remaining: 0,
    status: featureStatus(account, block.name, now, 0) ?? 'blocked',
    cap,
    mostSeen: cap === null && feature !== undefined && feature.maxSeen > 0 ? feature.maxSeen : null,
    readFrom: feature === undefined ? null : { source: feature.source, at: feature.seenAt },
    forecast: null,
    reset,
    resetEstimated: false,
    cooldownUntil: cooldownUntil(block.name, account, now),
    blocked: true,
    lastSeenAt: lastSeenAt(feature, account),
    siteDescription: block.description,
    siteResetText: block.resetsAfterText,
  };
}

/** A drop from a higher count was seen this window (or the count is below the most seen). */
function capKnown(feature: FeatureState): boolean {
  return feature.maxSeen > 0 && (feature.remaining < feature.maxSeen || dropSeen(feature.points ?? []));
}

function featureView(feature: FeatureState, account: AccountState, now: number, lowThresholds: Settings['lowThresholds']): FeatureView {
  const timed = resetView(feature.resetsAt, now);
  // While full the server keeps moving reset_after forward (protocol.md section 2): no fixed time yet.
  const reset = feature.windowNotStarted && timed.kind === 'ahead' ? { kind: 'windowNotStarted' as const } : timed;
  return {
    name: feature.name,
    remaining: feature.remaining,
    status: featureStatus(account, feature.name, now, lowThresholdOf({ lowThresholds }, account, feature.name)) ?? 'normal',
    cap: capKnown(feature) ? { value: feature.maxSeen, source: 'maxSeen' } : null,
    mostSeen: feature.maxSeen > 0 ? feature.maxSeen : null,
    readFrom: { source: feature.source, at: feature.seenAt },
    forecast: reset.kind === 'ahead' || reset.kind === 'unknown' ? forecastRunOut(feature.points ?? [], feature.resetsAt, now) : null,
    reset,
    resetEstimated: feature.resetEstimated && reset.kind !== 'windowNotStarted',
    cooldownUntil: cooldownUntil(feature.name, account, now),
    blocked: false,
    lastSeenAt: lastSeenAt(feature, account),
    siteDescription: null,
    siteResetText: null,
  };
}

const STATUS_RANK: Record<FeatureStatus, number> = { blocked: 0, empty: 1, low: 2, normal: 3, stale: 3 };

/** image_gen first (the badge's feature), then what needs attention, then the rest by readable name. */
function featureOrder(label: (name: string) => string): (a: FeatureView, b: FeatureView) => number {
  return (a, b) =>
    Number(b.name === DEFAULT_BADGE_FEATURE) - Number(a.name === DEFAULT_BADGE_FEATURE) ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    label(a.name).localeCompare(label(b.name));
}

function featureViews(account: AccountState, now: number, options: Required<PopupViewOptions>): FeatureView[] {
  const blockedNames = new Set(account.blocked.map((block) => block.name));
  const views = account.blocked
    // The site may list one block twice; show each feature once.
    .filter((block, index) => account.blocked.findIndex((other) => other.name === block.name) === index)
    .map((block) => blockedFeatureView(block, account.features[block.name], account, now));
  for (const feature of Object.values(account.features)) {
    if (!blockedNames.has(feature.name)) views.push(featureView(feature, account, now, options.lowThresholds));
  }
  return views.sort(featureOrder(options.label));
}

export function popupView(account: AccountState | undefined, now: number, options: PopupViewOptions = {}): PopupView {
  if (account === undefined) {
    return { hasReading: false, features: [], modelLimits: [], defaultModel: null, freshness: null, cooldowns: [] };
  }
  const features = featureViews(account, now, { label: options.label ?? ((name) => name), lowThresholds: options.lowThresholds ?? {} });
  const reading = account.lastReading;
  const listed = new Set(features.map((feature) => feature.name));
  const unlisted = [...new Set(account.cooldowns.map((cooldown) => cooldown.feature))].filter((name) => !listed.has(name));
  return {
    hasReading: features.length > 0,
    features,
    modelLimits: account.modelLimits.map((limit) => ({
      model: limit.model,
      fallback: limit.fallback,
      reset: resetView(limit.resetsAt, now),
      description: limit.description,
    })),
    defaultModel: account.defaultModel,
    freshness: reading && { at: reading.at, source: reading.source, outdated: now - reading.at > OUTDATED_AFTER_MS },
    cooldowns: unlisted.flatMap((feature) => {
      const until = cooldownUntil(feature, account, now);
      return until === null ? [] : [{ feature, until }];
    }),
  };
}
