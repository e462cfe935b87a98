/**
 * The extension's own model of a quota reading, independent of the wire format.
 * Times are epoch milliseconds; `null` means "not known", never "now".
 */

/** The blocked entry that stands for the legacy HTTP 429 model cap (the 429 does not name the model). */
export const MODEL_CAP_FEATURE = 'model_cap';

/**
 * Where a reading came from; each one is a fresh reading (protocol.md section 1). `codex` names
 * the Codex usage page in the popup's words (a CodexReading, lib/core/codex-usage.ts).
 */
export const READING_SOURCES = ['init', 'stream', 'resume', 'websocket', 'refusal', 'cooldown', 'http429', 'codex'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

export interface FeatureQuota {
  name: string;
  remaining: number;
  resetsAt: number | null;
  /** The reset time was worked out from a refusal's wording ("resets in 14 hours"), to the minute. */
  resetEstimated?: boolean;
}

export interface BlockedFeature {
  name: string;
  resetsAt: number | null;
  /** The site's own localized wording ("in 5 hours", "9小时 内"), shown as given. */
  resetsAfterText: string | null;
  /** The cap the site states for the blocked feature (a float on the wire: 25.0). */
  limit: number | null;
  description: string | null;
  reason: string | null;
}

export interface ModelLimit {
  model: string;
  /** The model the page silently falls back to until `resetsAt`. */
  fallback: string | null;
  resetsAt: number | null;
  description: string | null;
}

/** A ChatGPT quota reading's source: every one but Codex's, whose readings are CodexReadings. */
export type QuotaReadingSource = Exclude<ReadingSource, 'codex'>;

export interface Reading {
  source: QuotaReadingSource;
  receivedAt: number;
  /** `null` when the reading did not carry limits_progress at all (null or missing). */
  features: FeatureQuota[] | null;
  /** `null` when blocked_features was missing; `[]` means "nothing blocked". */
  blocked: BlockedFeature[] | null;
  modelLimits: ModelLimit[] | null;
  defaultModel: string | null;
  /** Field names the parser does not know (drift), for diagnostics. */
  unknownFields: string[];
}
