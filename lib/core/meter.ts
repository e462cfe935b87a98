import type { RemainingPoint } from './run-out-forecast';

/**
 * A limit as the user sees it, whatever kind it is: a feature's count, a Codex window's percent
 * left, and whatever kind comes next. Every view (the badge, the page chip, the popup's rows, the
 * notifications, the run-out forecast) reads meters, never the stored state of a kind, so that a
 * new kind of limit is one adapter (state -> meters, lib/alerts/*-meters.ts) and the views follow.
 * Pure data: a meter is made for one moment (`now`) and is not stored.
 *
 * There is no "unknown" status: a limit nothing has read yet has no meter, and the views say so
 * ("no reading"). A meter exists only for what was read.
 */

/** What `left` counts: a count of uses, a percent of a window, or (room for the next kinds) tokens or messages. */
type MeterUnit = 'count' | 'percent' | 'tokens' | 'messages';

/**
 * What the reading means now (lib/core/meter.ts meterStatus, the one rule for every kind):
 * normal, low (at or below the meter's low threshold), empty (nothing left), blocked (the site
 * refuses it, whatever the count says), stale (its reset has passed: the number shown is the one
 * before it, probably refilled).
 */
export type MeterStatus = 'normal' | 'low' | 'empty' | 'blocked' | 'stale';

/**
 * Who says so. server: the server sent it to this tab. counted: counted in this browser from what
 * it saw (a server says nothing of it). estimated: worked out, e.g. from a pace or from wording.
 */
type MeterSource = 'server' | 'counted' | 'estimated';

/** The popup's group a meter is shown in: ChatGPT's features, Codex's windows and reset credits, memory, or models counted in this browser. */
type MeterGroup = 'features' | 'codex' | 'memory' | 'counted';

/**
 * How to name the meter in words (the view translates it: lib/view/window-label.ts meterLabel).
 * A feature is named by its name (translated when known); a Codex window by its length, and a
 * per-model window also by its model's name as the server gives it (cleaned, lib/core/server-text.ts);
 * Codex's reset credits and memory by our own words.
 */
type MeterLabel =
  | { kind: 'feature'; name: string }
  | { kind: 'codexWindow'; name: string; windowSeconds: number | null; model?: string | null }
  | { kind: 'resetCredits' }
  | { kind: 'memory' }
  | { kind: 'countedModel'; slug: string; windowHours: number };

/**
 * A cap that is known, not guessed. limit: the site states it (a blocked feature's), or the user set
 * it (a counted model's, whose meter's source is 'counted'). scale: the
 * whole of a percent, 100. The most seen this window is no known cap: it is `mostSeen`, and the
 * popup draws a bar against it only once a drop from it was seen (lib/view/popup-view.ts).
 */
interface MeterCap {
  value: number;
  source: 'limit' | 'scale';
}

export interface Meter {
  /** The stable name: a feature (`image_gen`) or a Codex window (`codex:primary`). Settings and the notice ledger key by it. */
  id: string;
  group: MeterGroup;
  label: MeterLabel;
  unit: MeterUnit;
  /** What is left, whole, in `unit` (0 for a blocked feature). A Codex window's is lib/core/codex-usage.ts percentLeft. */
  left: number;
  /** The cap, when known (see MeterCap); null when not: then the most seen is a cap only as far as seen. */
  cap: MeterCap | null;
  /** The largest `left` seen this window (a cap as far as seen, the scale of the default low threshold); null when none. */
  mostSeen: number | null;
  /** At or below this `left` the meter is low (lib/alerts/low-threshold.ts: the user's choice, else the default). */
  lowThreshold: number;
  status: MeterStatus;
  /** The site refuses it (blocked_features): `left` is 0 and `resetsAt` is when the block ends. */
  blocked: boolean;
  /** When it refills; null when not known (never "now"). */
  resetsAt: number | null;
  /** The reset time was worked out from wording ("resets in 14 hours"), not sent as a time. */
  resetEstimated: boolean;
  /** Full, and the window starts with first use: the server moves the reset forward until then. */
  windowNotStarted: boolean;
  source: MeterSource;
  /** When the reading that set it arrived; null for a block no reading counted. */
  since: number | null;
  /** What was left at each change seen this window, oldest first: the run-out forecast's input (lib/core/run-out-forecast.ts). */
  points: readonly RemainingPoint[];
  /** When the soonest of what `left` counts expires unused (Codex's reset credits); absent for what does not expire. */
  expiresAt?: number | null;
}

/**
 * The one status rule, for every kind: a block is exhausted whatever the count says (protocol.md
 * section 2) until its end passes; past its reset a reading is stale; else empty at 0 and low at
 * or below the threshold.
 */
export function meterStatus(reading: Pick<Meter, 'left' | 'resetsAt' | 'blocked' | 'lowThreshold'>, now: number): MeterStatus {
  if (reading.resetsAt !== null && reading.resetsAt <= now) return 'stale';
  if (reading.blocked) return 'blocked';
  if (reading.left === 0) return 'empty';
  return reading.left <= reading.lowThreshold ? 'low' : 'normal';
}
