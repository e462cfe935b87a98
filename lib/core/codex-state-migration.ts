import { CODE_REVIEW_LIMIT, CODEX_WINDOW_PREFIX, MAIN_LIMIT, windowName } from './codex-usage';

/**
 * Quota state version 1 to 2: Codex windows were named by the slot the body put them in
 * (`codex:primary`, `codex:code_review_primary`); from version 2 by their limit and length, so
 * that a weekly window sent in the primary slot is the weekly window. Each window is renamed by
 * the length it was stored with, keeps its samples (they were of that window), and gains the
 * fields version 2 added (a window's limit and model, the server's "reached", the credits' message
 * ranges and spending limit, reset credits) as "not said". Raw stored data: anything not shaped
 * as expected is left for the schema to reject.
 */

type Raw = Record<string, unknown>;
const isRaw = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

const CODE_REVIEW_PREFIX = `${CODEX_WINDOW_PREFIX}code_review_`;

function windowV2(window: unknown): unknown {
  if (!isRaw(window) || typeof window.name !== 'string' || !window.name.startsWith(CODEX_WINDOW_PREFIX)) return window;
  const review = window.name.startsWith(CODE_REVIEW_PREFIX);
  const slot = window.name.slice(review ? CODE_REVIEW_PREFIX.length : CODEX_WINDOW_PREFIX.length);
  const limit = review ? CODE_REVIEW_LIMIT : MAIN_LIMIT;
  const seconds = typeof window.windowSeconds === 'number' ? window.windowSeconds : null;
  return { ...window, name: windowName(limit, seconds, slot), limit, model: null, reached: false };
}

function codexV2(codex: unknown): unknown {
  if (!isRaw(codex) || !Array.isArray(codex.windows)) return codex;
  const windows = codex.windows.map(windowV2);
  // Two slots of one length (a slot swap within one body) would now share a name: the first stays.
  const named = windows.filter(
    (window, index) => !isRaw(window) || windows.findIndex((other) => isRaw(other) && other.name === window.name) === index,
  );
  const credits = isRaw(codex.credits)
    ? { approxLocalMessages: null, approxCloudMessages: null, spendReached: null, ...codex.credits }
    : codex.credits;
  return { ...codex, windows: named, credits, resetCredits: null };
}

export function quotaStateV1ToV2(older: Raw): Raw {
  const accounts = isRaw(older.accounts)
    ? Object.fromEntries(
        Object.entries(older.accounts).map(([id, account]) => [
          id,
          isRaw(account) && account.codex != null ? { ...account, codex: codexV2(account.codex) } : account,
        ]),
      )
    : older.accounts;
  return { ...older, version: 2, accounts };
}
