import { pickCodexUsage, type PickedCodexUsage } from '../page/codex-usage-fields';
import { recordOf } from '../page/json-record';
import { MAX_PLAN_LENGTH } from '../page/plan-name';
import {
  CODE_REVIEW_LIMIT,
  MAIN_LIMIT,
  MODEL_LIMIT_PREFIX,
  windowName,
  type CodexCredits,
  type CodexResetCredits,
  type CodexUsage,
  type CodexWindow,
} from './codex-usage';
import { MAX_CODEX_WINDOWS } from './codex-state';
import { cleanServerText } from './server-text';

/**
 * Turns a picked Codex usage body into CodexUsage, as tolerantly as the quota parser: a field of
 * the wrong type or out of range is unknown (null), a window without a usable `used_percent` is
 * left out, a window under a new name is kept (shown by its length), free text from the server
 * (a per-model limit's name) is bounded and cleaned. Nothing here throws; a body with neither a
 * window, credits nor reset credits is not a reading. The shapes are known from public
 * descriptions only (docs/protocol.md section 7).
 */

type CodexParseResult = { ok: true; usage: CodexUsage; unknownFields: string[] } | { ok: false; error: string };

/** Far beyond any date a reset can have (year 2286): a larger reset_at is not in seconds. */
const MAX_RESET_SECONDS = 9_999_999_999;
/** A window longer than a year is not a rate window. */
const MAX_WINDOW_SECONDS = 366 * 24 * 3600;
const MAX_BALANCE = 1e12;
/** A model's name as shown: "GPT-5.3-Codex-Spark" is 19 characters. */
const MAX_MODEL_NAME_LENGTH = 64;
const MAX_SLUG_LENGTH = 40;
const MAX_MESSAGES = 1e9;
const MAX_RESET_CREDITS = 1000;
const MAX_EXPIRIES = 8;
/** A reset credit in any other state (used, expired...) is not one that may expire unused. */
const UNUSED_CREDIT_STATUSES = new Set(['available', 'active', 'unused']);

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const flag = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

function inRange(value: number | null, min: number, max: number): number | null {
  return value !== null && value >= min && value <= max ? value : null;
}

/** A number, or a number written as a string (as some clients describe `balance`). */
function numeric(value: unknown): number | null {
  return typeof value === 'string' && value.trim() !== '' ? finite(Number(value)) : finite(value);
}

/** A time in unix seconds (or an ISO text), as epoch milliseconds. */
function timeOf(value: unknown): number | null {
  const seconds = inRange(finite(value), 1, MAX_RESET_SECONDS);
  if (seconds !== null) return Math.round(seconds * 1000);
  const parsed = typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}

interface Limit {
  key: string;
  model: string | null;
  group: Record<string, unknown>;
  /** `limit_reached: true` or `allowed: false`, here or on the entry that holds the group. */
  reached: boolean;
  /** `rate_limit_reached_type`, when it names one slot ("primary", "secondary_window"...). */
  reachedType: string | null;
}

function reachedOf(...holders: Array<Record<string, unknown> | null>): boolean {
  return holders.some((holder) => holder?.limit_reached === true || holder?.allowed === false);
}

function limitOf(key: string, model: string | null, group: unknown, holder: Record<string, unknown> | null): Limit | null {
  const record = recordOf(group);
  if (record === null) return null;
  const reachedType = typeof record.rate_limit_reached_type === 'string' ? record.rate_limit_reached_type.toLowerCase() : null;
  return { key, model, group: record, reached: reachedOf(record, holder), reachedType };
}

/** A model's key from its name: lowercase letters and digits in dashes, bounded ("gpt-5-3-codex-spark"). */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
}

function modelLimits(value: unknown): Limit[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown, index): Limit[] => {
    const record = recordOf(entry);
    if (record === null) return [];
    const name = cleanServerText(record.limit_name, MAX_MODEL_NAME_LENGTH);
    const feature = cleanServerText(record.metered_feature, MAX_MODEL_NAME_LENGTH);
    const slug = slugOf(name ?? feature ?? '') || String(index + 1);
    const limit = limitOf(`${MODEL_LIMIT_PREFIX}${slug}`, name ?? feature, record.rate_limit, record);
    return limit === null ? [] : [limit];
  });
}

function windowOf(limit: Limit, slot: string, picked: unknown): Omit<CodexWindow, 'reached'> | null {
  const window = recordOf(picked);
  const usedPercent = inRange(finite(window?.used_percent), 0, 100);
  if (window === null || usedPercent === null) return null;
  const seconds = inRange(finite(window.limit_window_seconds), 1, MAX_WINDOW_SECONDS);
  const windowSeconds = seconds === null ? null : Math.round(seconds);
  return {
    name: windowName(limit.key, windowSeconds, slot),
    limit: limit.key,
    model: limit.model,
    usedPercent,
    resetsAt: timeOf(window.reset_at),
    windowSeconds,
  };
}

/**
 * The windows of one limit. A limit the server says is reached marks the window its
 * `rate_limit_reached_type` names, else the one with the largest share (the one that ran out).
 */
function limitWindows(limit: Limit): CodexWindow[] {
  const found = Object.entries(limit.group).flatMap(([key, picked]) => {
    if (!key.endsWith('_window')) return [];
    const window = windowOf(limit, key.replace(/_window$/, ''), picked);
    return window === null ? [] : [{ slot: key.replace(/_window$/, ''), window }];
  });
  const named = found.filter(({ slot }) => limit.reachedType?.includes(slot) === true);
  const most = Math.max(...found.map(({ window }) => window.usedPercent));
  const hit = named.length > 0 ? named : found.filter(({ window }) => window.usedPercent === most);
  return found.map((entry) => ({ ...entry.window, reached: limit.reached && hit.includes(entry) }));
}

function windowsOf(usage: PickedCodexUsage): CodexWindow[] {
  const limits = [
    limitOf(MAIN_LIMIT, null, usage.rate_limit, null),
    limitOf(CODE_REVIEW_LIMIT, null, usage.code_review_rate_limit, null),
    ...modelLimits(usage.additional_rate_limits),
  ];
  const windows: CodexWindow[] = [];
  for (const limit of limits) {
    for (const window of limit === null ? [] : limitWindows(limit)) {
      // A name given twice (two models of one slug, two slots of one length) keeps its first window.
      if (windows.length < MAX_CODEX_WINDOWS && !windows.some((known) => known.name === window.name)) windows.push(window);
    }
  }
  return windows;
}

/** `[fewest, most]` messages: two numbers in order, or unknown. */
function rangeOf(value: unknown): [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [low, high] = value.map((item: unknown) => inRange(numeric(item), 0, MAX_MESSAGES));
  return low != null && high != null && low <= high ? [low, high] : null;
}

function creditsOf(usage: PickedCodexUsage): CodexCredits | null {
  const credits = recordOf(usage.credits);
  const spend = recordOf(usage.spend_control);
  if (credits === null && spend === null) return null;
  const parsed: CodexCredits = {
    hasCredits: flag(credits?.has_credits),
    unlimited: flag(credits?.unlimited),
    balance: inRange(numeric(credits?.balance), -MAX_BALANCE, MAX_BALANCE),
    approxLocalMessages: rangeOf(credits?.approx_local_messages),
    approxCloudMessages: rangeOf(credits?.approx_cloud_messages),
    spendReached: flag(spend?.reached),
  };
  return Object.values(parsed).every((value) => value === null) ? null : parsed;
}

function resetCreditsOf(usage: PickedCodexUsage): CodexResetCredits | null {
  const credits = recordOf(usage.rate_limit_reset_credits);
  if (credits === null) return null;
  const count = inRange(numeric(credits.available_count), 0, MAX_RESET_CREDITS);
  const list: unknown[] = Array.isArray(credits.credits) ? credits.credits : [];
  const expiries = list
    .map((item) => recordOf(item))
    .filter((item) => item !== null && (item.status == null || UNUSED_CREDIT_STATUSES.has(String(item.status).toLowerCase())))
    .map((item) => timeOf(item?.expires_at))
    .filter((time): time is number => time !== null)
    .sort((a, b) => a - b)
    .slice(0, MAX_EXPIRIES);
  if (count === null && expiries.length === 0) return null;
  return { available: count === null ? null : Math.floor(count), expiries };
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
  const resetCredits = resetCreditsOf(usage);
  if (windows.length === 0 && credits === null && resetCredits === null) return { ok: false, error: 'no Codex window or credits' };
  return {
    ok: true,
    usage: { windows, credits, resetCredits, plan: planOf(usage.plan_type) },
    unknownFields: usage.unknown_fields ?? [],
  };
}
