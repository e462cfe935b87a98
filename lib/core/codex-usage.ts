/**
 * Codex's limits as the extension models them, independent of the wire (lib/page/codex-usage-fields.ts).
 * Unlike a feature's count, a window is a share used: "N% left" of a rolling window of known length.
 * A window is told apart by its limit (the main one, code review's, or a model's) and its length,
 * never by the slot the body put it in: slots move (the weekly window has come as `primary_window`).
 */

/** Window names start with this: a feature name never has a colon, so the two cannot collide. */
export const CODEX_WINDOW_PREFIX = 'codex:';
/** The lengths the public descriptions give: 18000 s (5 hours) and 604800 s (7 days). */
export const FIVE_HOURS_SECONDS = 5 * 3600;
export const WEEK_SECONDS = 7 * 24 * 3600;
/** The limit of `rate_limit` and the one of `code_review_rate_limit`; a model's limit is `model-<slug>`. */
export const MAIN_LIMIT = 'main';
export const CODE_REVIEW_LIMIT = 'code_review';
export const MODEL_LIMIT_PREFIX = 'model-';

export interface CodexWindow {
  /** The window's id, by limit and length (windowName): `codex:primary` is the main 5-hour window. */
  name: string;
  /** `main`, `code_review` or `model-<slug>`. */
  limit: string;
  /** A per-model limit's name as the server gives it, bounded and cleaned (`GPT-5.3-Codex-Spark`); else null. */
  model: string | null;
  /** 0 to 100, as sent (may have decimals). */
  usedPercent: number;
  resetsAt: number | null;
  /** The window's length; null when the body does not say. */
  windowSeconds: number | null;
  /** The server's own word that this window's limit is hit (`limit_reached`, `allowed: false`), whatever the share. */
  reached: boolean;
}

export interface CodexCredits {
  hasCredits: boolean | null;
  unlimited: boolean | null;
  balance: number | null;
  /** Roughly how many messages the balance buys, locally and in the cloud: [fewest, most]. */
  approxLocalMessages: [number, number] | null;
  approxCloudMessages: [number, number] | null;
  /** `spend_control.reached`: the spending limit is hit, whatever the balance. */
  spendReached: boolean | null;
}

/** Credits that reset a used-up window early: how many are available, and when the unused ones expire. */
export interface CodexResetCredits {
  available: number | null;
  /** Expiry times of the credits not used yet, soonest first. */
  expiries: number[];
}

export interface CodexUsage {
  windows: CodexWindow[];
  credits: CodexCredits | null;
  resetCredits: CodexResetCredits | null;
  plan: string | null;
}

/** A Codex usage body read from the page: folded into state by its own reducer (lib/core/apply-codex-usage.ts). */
export interface CodexReading {
  source: 'codex';
  receivedAt: number;
  usage: CodexUsage;
  /** Field names the parser does not know (drift), for diagnostics. */
  unknownFields: string[];
}

export function isCodexWindowName(name: string): boolean {
  return name.startsWith(CODEX_WINDOW_PREFIX);
}

/**
 * The names the main limit's windows had when windows were named by slot: kept for the same
 * windows (a badge choice, a sent notice and stored samples still point at them).
 */
const KEPT_NAMES: Record<string, string> = {
  [`${MAIN_LIMIT}/${FIVE_HOURS_SECONDS}`]: 'codex:primary',
  [`${MAIN_LIMIT}/${WEEK_SECONDS}`]: 'codex:secondary',
  [`${CODE_REVIEW_LIMIT}/${WEEK_SECONDS}`]: 'codex:code_review_primary',
};

/**
 * A window's name, by its limit and length (`codex:model-spark/18000`); by its slot only when the
 * body gives no length (`codex:main/primary`). The main limit's 5-hour and weekly windows keep their names.
 */
export function windowName(limit: string, windowSeconds: number | null, slot: string): string {
  const key = `${limit}/${windowSeconds ?? slot}`;
  return KEPT_NAMES[key] ?? `${CODEX_WINDOW_PREFIX}${key}`;
}

/**
 * What is left, in whole percent, for a badge of four characters: rounded, except that a window
 * not quite used up never shows 0% and one slightly used never shows 100%.
 */
function percentLeft(usedPercent: number): number {
  const left = 100 - usedPercent;
  if (left <= 0) return 0;
  if (left >= 100) return 100;
  return Math.min(99, Math.max(1, Math.round(left)));
}

/** What is left of a window now: 0 once the server says its limit is reached, whatever the share. */
export function windowLeft(window: Pick<CodexWindow, 'usedPercent' | 'reached'>): number {
  return window.reached ? 0 : percentLeft(window.usedPercent);
}
