import type { AccountState, FeatureState } from '../core/quota-state';
import type { ReadingSource } from '../core/quota-types';
import type { Meter, MeterStatus } from '../core/meter';
import { dropSeen, meterRunOut, type RunOutForecast } from '../core/run-out-forecast';
import { accountMeters } from '../alerts/account-meters';
import type { Settings } from '../alerts/settings';
import { featureOrder } from './popup-feature-order';

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
  status: MeterStatus;
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
  /** A model this feature counts, as counted in this browser (its meter leads: lib/alerts/counted-meters.ts serverLeads); null when none. */
  countedHere: CountedHere | null;
}

/** A model's turns counted in this browser in 3 h, 24 h and 7 days, shown in the details of the server's feature that counts them. */
interface CountedHere {
  model: string;
  counts: readonly number[];
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
  /** False until a reading listed a feature or a block. */
  hasReading: boolean;
  /**
   * The account has a reading of another kind (Codex usage, memory): the popup then opens on it
   * rather than on "no reading yet", which it says only when it knows nothing of the account.
   */
  otherKinds: boolean;
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
  /** By feature: the model it counts, as counted in this browser (lib/view/counted-models.ts ledBy). */
  countedHere?: Readonly<Record<string, CountedHere>>;
}

function cooldownUntil(name: string, account: AccountState, now: number): number | null {
  const ends = account.cooldowns.filter((cooldown) => cooldown.feature === name && cooldown.until > now).map((cooldown) => cooldown.until);
  return ends.length > 0 ? Math.max(...ends) : null;
}

function lastSeenAt(feature: FeatureState | undefined, account: AccountState): number | null {
  const latest = account.lastReading?.at;
  return feature !== undefined && latest !== undefined && feature.seenAt < latest ? feature.seenAt : null;
}

/**
 * The stated cap, else (for a count not blocked) the most seen once a drop from it was seen, or
 * while the count is below it: the first reading of a window says nothing of the cap.
 */
function capView(meter: Meter): CapView | null {
  // A stated cap; a percent's scale is the Codex group's own bar, never a feature's.
  if (meter.cap !== null) return meter.cap.source === 'scale' ? null : { value: meter.cap.value, source: 'limit' };
  const { mostSeen } = meter;
  if (meter.blocked || mostSeen === null || !(meter.left < mostSeen || dropSeen(meter.points))) return null;
  return { value: mostSeen, source: 'maxSeen' };
}

/** What the feature's meter does not carry: where it was read, the site's words for a block, a pause. */
function featureView(meter: Meter, account: AccountState, now: number, countedHere: PopupViewOptions['countedHere']): FeatureView {
  const feature = Object.hasOwn(account.features, meter.id) ? account.features[meter.id] : undefined;
  const block = meter.blocked ? account.blocked.find((entry) => entry.name === meter.id) : undefined;
  const timed = resetView(meter.resetsAt, now);
  // While full the server keeps moving reset_after forward (protocol.md section 2): no fixed time yet.
  const reset = meter.windowNotStarted && timed.kind === 'ahead' ? { kind: 'windowNotStarted' as const } : timed;
  const cap = capView(meter);
  return {
    name: meter.id,
    remaining: meter.left,
    status: meter.status,
    cap,
    mostSeen: cap?.source === 'limit' ? null : meter.mostSeen,
    readFrom: feature === undefined ? null : { source: feature.source, at: feature.seenAt },
    forecast: reset.kind === 'ahead' || reset.kind === 'unknown' ? meterRunOut(meter, now) : null,
    reset,
    resetEstimated: meter.resetEstimated && reset.kind !== 'windowNotStarted',
    cooldownUntil: cooldownUntil(meter.id, account, now),
    blocked: meter.blocked,
    lastSeenAt: lastSeenAt(feature, account),
    siteDescription: block?.description ?? null,
    siteResetText: block?.resetsAfterText ?? null,
    countedHere: countedHere !== undefined && Object.hasOwn(countedHere, meter.id) ? (countedHere[meter.id] ?? null) : null,
  };
}

const STATUS_RANK: Record<MeterStatus, number> = { blocked: 0, empty: 1, low: 2, normal: 3, stale: 3 };

/** The features group's meters as rows: image_gen first, then what needs attention, then the rest by readable name. */
function featureViews(
  account: AccountState,
  now: number,
  options: PopupViewOptions & Required<Pick<PopupViewOptions, 'label' | 'lowThresholds'>>,
): FeatureView[] {
  return accountMeters(account, { lowThresholds: options.lowThresholds }, now)
    .filter((meter) => meter.group === 'features')
    .map((meter) => featureView(meter, account, now, options.countedHere))
    .sort(
      featureOrder(
        (view) => view.name,
        options.label,
        (view) => STATUS_RANK[view.status],
      ),
    );
}

export function popupView(account: AccountState | undefined, now: number, options: PopupViewOptions = {}): PopupView {
  if (account === undefined) {
    return { hasReading: false, otherKinds: false, features: [], modelLimits: [], defaultModel: null, freshness: null, cooldowns: [] };
  }
  const features = featureViews(account, now, {
    ...options,
    label: options.label ?? ((name) => name),
    lowThresholds: options.lowThresholds ?? {},
  });
  const reading = account.lastReading;
  const listed = new Set(features.map((feature) => feature.name));
  const unlisted = [...new Set(account.cooldowns.map((cooldown) => cooldown.feature))].filter((name) => !listed.has(name));
  return {
    hasReading: features.length > 0,
    otherKinds: account.codex !== null || account.memory !== null,
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
