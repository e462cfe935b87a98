import { pickCodexUsage, type LimitGroup, type PickedCodexUsage, type PickedWindow } from '../page/codex-usage-fields';
import { isRecord } from '../page/json-record';
import { CODEX_WINDOW_PREFIX, type CodexCredits, type CodexUsage, type CodexWindow } from './codex-usage';

/**
 * Turns a picked Codex usage body into CodexUsage, as tolerantly as the quota parser: a field of
 * the wrong type or out of range is unknown (null), a window without a usable `used_percent` is
 * left out, a window under a new name is kept (shown by its length). Nothing here throws; a body
 * with neither a window nor credits is not a reading.
 */

type CodexParseResult = { ok: true; usage: CodexUsage; unknownFields: string[] } | { ok: false; error: string };

/** Far beyond any date a reset can have (year 2286): a larger reset_at is not in seconds. */
const MAX_RESET_SECONDS = 9_999_999_999;
/** A window longer than a year is not a rate window. */
const MAX_WINDOW_SECONDS = 366 * 24 * 3600;
const MAX_PLAN_LENGTH = 40;
const MAX_BALANCE = 1e12;

/** Window names by group: the main limits plain (`codex:primary`), code review's prefixed. */
const GROUP_PREFIX: Record<LimitGroup, string> = { rate_limit: '', code_review_rate_limit: 'code_review_' };

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const flag = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

function inRange(value: number | null, min: number, max: number): number | null {
  return value !== null && value >= min && value <= max ? value : null;
}

function windowOf(name: string, picked: PickedWindow): CodexWindow | null {
  const usedPercent = inRange(finite(picked.used_percent), 0, 100);
  if (usedPercent === null) return null;
  const resetSeconds = inRange(finite(picked.reset_at), 1, MAX_RESET_SECONDS);
  const windowSeconds = inRange(finite(picked.limit_window_seconds), 1, MAX_WINDOW_SECONDS);
  return {
    name,
    usedPercent,
    resetsAt: resetSeconds === null ? null : Math.round(resetSeconds * 1000),
    windowSeconds: windowSeconds === null ? null : Math.round(windowSeconds),
  };
}

function windowsOf(usage: PickedCodexUsage): CodexWindow[] {
  const windows: CodexWindow[] = [];
  for (const group of Object.keys(GROUP_PREFIX) as LimitGroup[]) {
    const limits = usage[group];
    if (!isRecord(limits)) continue;
    for (const [key, picked] of Object.entries(limits)) {
      const name = `${CODEX_WINDOW_PREFIX}${GROUP_PREFIX[group]}${key.replace(/_window$/, '')}`;
      const window = isRecord(picked) ? windowOf(name, picked) : null;
      if (window !== null) windows.push(window);
    }
  }
  return windows;
}

/** A balance is a number, or a number written as a string (as some clients describe it). */
function balanceOf(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : finite(value);
  return inRange(finite(number), -MAX_BALANCE, MAX_BALANCE);
}

function creditsOf(usage: PickedCodexUsage): CodexCredits | null {
  if (!isRecord(usage.credits)) return null;
  const credits = {
    hasCredits: flag(usage.credits.has_credits),
    unlimited: flag(usage.credits.unlimited),
    balance: balanceOf(usage.credits.balance),
  };
  return Object.values(credits).every((value) => value === null) ? null : credits;
}

function planOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_PLAN_LENGTH ? value.trim() : null;
}

/** `value` is picked again first: whatever else it carries (a forged finding) is dropped here. */
export function parseCodexUsage(value: unknown): CodexParseResult {
  const usage = pickCodexUsage(value);
  if (usage === null) return { ok: false, error: 'Codex usage is not an object' };
  const windows = windowsOf(usage);
  const credits = creditsOf(usage);
  if (windows.length === 0 && credits === null) return { ok: false, error: 'no Codex window or credits' };
  return { ok: true, usage: { windows, credits, plan: planOf(usage.plan_type) }, unknownFields: usage.unknown_fields ?? [] };
}
