/**
 * Codex's limits as the extension models them, independent of the wire (lib/page/codex-usage-fields.ts).
 * Unlike a feature's count, a window is a share used: "N% left" of a rolling window of known length.
 */

/** Window names start with this: a feature name never has a colon, so the two cannot collide. */
export const CODEX_WINDOW_PREFIX = 'codex:';
/** The lengths the public descriptions give: 18000 s (5 hours) and 604800 s (7 days). */
export const FIVE_HOURS_SECONDS = 5 * 3600;
export const WEEK_SECONDS = 7 * 24 * 3600;

export interface CodexWindow {
  /** `codex:primary`, `codex:secondary`, `codex:code_review_primary`...: where the body put it. */
  name: string;
  /** 0 to 100, as sent (may have decimals). */
  usedPercent: number;
  resetsAt: number | null;
  /** The window's length; null when the body does not say. */
  windowSeconds: number | null;
}

export interface CodexCredits {
  hasCredits: boolean | null;
  unlimited: boolean | null;
  balance: number | null;
}

export interface CodexUsage {
  windows: CodexWindow[];
  credits: CodexCredits | null;
  plan: string | null;
}

export function isCodexWindowName(name: string): boolean {
  return name.startsWith(CODEX_WINDOW_PREFIX);
}

/**
 * What is left, in whole percent, for a badge of four characters: rounded, except that a window
 * not quite used up never shows 0% and one slightly used never shows 100%.
 */
export function percentLeft(usedPercent: number): number {
  const left = 100 - usedPercent;
  if (left <= 0) return 0;
  if (left >= 100) return 100;
  return Math.min(99, Math.max(1, Math.round(left)));
}
