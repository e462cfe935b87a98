import { z } from 'zod/mini';
import { keepNewest } from './keep-newest';
import { integer, list, name } from './schema-parts';
import type { ModelLimit } from './quota-types';
import { COUNT_WINDOWS_MS, MAX_COUNT_AGE_MS, MAX_TIMES_PER_MODEL, windowCounts } from './rolling-window';

/**
 * Turns counted per account and model in this browser (issue 22): the times at which the page saw
 * a turn answered by each model (lib/page/turn-model.ts), kept so that the last 3 hours, 24 hours
 * and 7 days can be counted as rolling windows. Nothing else of a turn is kept: no text, title,
 * request or conversation id; a turn is known again (a resumed or replayed one) by an opaque key.
 *
 * The bound, and why: times older than 7 days (the longest window shown, and the longest a cap's
 * window may be) are dropped; at most 1,000 times per model (more than any cap seen in a week on
 * any plan, so a count under a cap is exact; past it, the count reads "at least"), 12 models and
 * the last 64 turn keys per account, 10 accounts. About 14 bytes a time: a busy week of one model
 * is under 15 KB, and every turn rewrites the value, so it must stay small.
 */

export const MODEL_COUNTS_VERSION = 1;
const MAX_MODELS = 12;
export const MAX_TURN_KEYS = 64;
const MAX_ACCOUNTS = 10;

const time = integer(0);
const count = integer(0, MAX_TIMES_PER_MODEL);
const modelSlug = name(64);

/** What this browser had counted of a model when `model_limits` first listed it (one per cap). */
const capSeenSchema = z.object({
  at: time,
  /** The cap's end as the server gave it, or null: a listing before then is the same cap. */
  until: z.nullable(time),
  /** Counted in the last 3 hours, 24 hours and 7 days at that moment (COUNT_WINDOWS_MS). */
  counts: z.array(count).check(z.length(COUNT_WINDOWS_MS.length)),
});

const accountCountsSchema = z.object({
  models: z.record(modelSlug, list(time, MAX_TIMES_PER_MODEL)),
  turns: list(z.string().check(z.maxLength(40)), MAX_TURN_KEYS),
  capsSeen: z.record(modelSlug, capSeenSchema),
  /**
   * Of those times, the turns "auto" chose the model for (server_ste_metadata's
   * did_auto_switch_to_reasoning), bounded as the times are. Absent in counts stored before it:
   * read back as none.
   */
  auto: z.optional(z.record(modelSlug, list(time, MAX_TIMES_PER_MODEL))),
});

export const modelCountsSchema = z.object({
  version: z.literal(MODEL_COUNTS_VERSION),
  accounts: z.record(name(200), accountCountsSchema),
});

export type ModelCounts = z.infer<typeof modelCountsSchema>;
type AccountCounts = z.infer<typeof accountCountsSchema>;

export function emptyModelCounts(): ModelCounts {
  return { version: MODEL_COUNTS_VERSION, accounts: {} };
}

const emptyAccount = (): AccountCounts => ({ models: {}, turns: [], capsSeen: {} });

/** The times still worth keeping: within 7 days of now on either side (a clock moved far back or forward drops them). */
function keptTimes(times: readonly number[], now: number): number[] {
  return times.filter((at) => Math.abs(now - at) < MAX_COUNT_AGE_MS).slice(-MAX_TIMES_PER_MODEL);
}

function newestOf(times: readonly number[]): number {
  return times.reduce((latest, at) => Math.max(latest, at), -Infinity);
}

function withAccount(counts: ModelCounts, accountId: string, account: AccountCounts): ModelCounts {
  const accounts = keepNewest({ ...counts.accounts, [accountId]: account }, MAX_ACCOUNTS, accountId, (entry) =>
    Math.max(...Object.values(entry.models).map(newestOf), 0),
  );
  return { ...counts, accounts };
}

/**
 * One turn answered by `model`. A turn whose key was already counted (a resumed turn, a replayed
 * frame) changes nothing: the same object comes back, so nothing is written.
 */
export function recordTurn(
  counts: ModelCounts,
  accountId: string,
  model: string,
  turn: string | null,
  now: number,
  auto = false,
): ModelCounts {
  const account = counts.accounts[accountId] ?? emptyAccount();
  if (turn !== null && account.turns.includes(turn)) return counts;
  const pruned = Object.fromEntries(
    Object.entries(account.models)
      .map(([slug, times]) => [slug, keptTimes(times, now)] as const)
      .filter(([, times]) => times.length > 0),
  );
  const models = keepNewest({ ...pruned, [model]: keptTimes([...(pruned[model] ?? []), now], now) }, MAX_MODELS, model, newestOf);
  const turns = turn === null ? account.turns : [...account.turns, turn].slice(-MAX_TURN_KEYS);
  // The auto-chosen times of the models still kept, pruned as the times are.
  const autoTimes = Object.fromEntries(
    Object.entries({ ...account.auto, ...(auto ? { [model]: [...(account.auto?.[model] ?? []), now] } : {}) })
      .filter(([slug]) => Object.hasOwn(models, slug))
      .map(([slug, times]) => [slug, keptTimes(times, now)] as const)
      .filter(([, times]) => times.length > 0),
  );
  return withAccount(counts, accountId, { ...account, models, turns, auto: autoTimes });
}

/**
 * `model_limits` listed these models as capped: for each one not already seen under the same cap
 * (a listing before the last one's `until`), remember what this browser had counted then.
 */
export function recordCapsSeen(counts: ModelCounts, accountId: string, limits: readonly ModelLimit[], now: number): ModelCounts {
  const account = counts.accounts[accountId] ?? emptyAccount();
  const capsSeen = { ...account.capsSeen };
  let changed = false;
  for (const limit of limits) {
    const previous = capsSeen[limit.model];
    if (previous !== undefined && (previous.until === null || now < previous.until)) continue;
    if (!modelSlug.safeParse(limit.model).success) continue;
    capsSeen[limit.model] = { at: now, until: limit.resetsAt, counts: windowCounts(account.models[limit.model] ?? [], now) };
    changed = true;
  }
  if (!changed) return counts;
  const bounded = keepNewest(capsSeen, MAX_MODELS, '', (entry) => entry.at);
  return withAccount(counts, accountId, { ...account, capsSeen: bounded });
}

/** The user's "reset counts" for one model: its times and its cap seen are forgotten. */
export function resetModelCounts(counts: ModelCounts, accountId: string, model: string): ModelCounts {
  const account = counts.accounts[accountId];
  if (account === undefined) return counts;
  const models = Object.fromEntries(Object.entries(account.models).filter(([slug]) => slug !== model));
  const capsSeen = Object.fromEntries(Object.entries(account.capsSeen).filter(([slug]) => slug !== model));
  const auto = Object.fromEntries(Object.entries(account.auto ?? {}).filter(([slug]) => slug !== model));
  return { ...counts, accounts: { ...counts.accounts, [accountId]: { ...account, models, capsSeen, auto } } };
}
