import { z } from 'zod/mini';
import { integer, list, name, number } from './schema-parts';

/**
 * What the background keeps of Codex's limits, per account (quotaState.accounts[id].codex).
 * Absent in state written before Codex was read: it then reads back as null ("never seen").
 * Windows are kept by name, and a name is a limit and a length (lib/core/codex-usage.ts
 * windowName): a window that moves to another slot keeps its samples, and no sample of one
 * window is ever counted in another.
 */

/** The main limit's two windows, code review's, and a few models' pairs; bounded for ten accounts in storage. */
export const MAX_CODEX_WINDOWS = 12;
/** Enough drops to tell a pace over a 5-hour window or a week, small enough to store for ten accounts. */
export const MAX_WINDOW_SAMPLES = 48;
const MAX_WINDOW_SECONDS = 366 * 24 * 3600;

const time = integer(0);
const percent = number(0, 100);
const range = z.nullable(z.array(number(0, 1e9)).check(z.length(2)));

/** One reading of a window's use, for the run-out forecast. */
const windowSampleSchema = z.object({ at: time, usedPercent: percent });

const codexWindowStateSchema = z.object({
  name: name(100),
  limit: name(60),
  /** A per-model limit's name (cleaned, lib/core/server-text.ts); null for the main and code review limits. */
  model: z.nullable(name(64)),
  usedPercent: percent,
  resetsAt: z.nullable(time),
  windowSeconds: z.nullable(integer(1, MAX_WINDOW_SECONDS)),
  /** The server said the limit is reached: used up whatever the share. */
  reached: z.boolean(),
  /** When the reading that set this window arrived. */
  seenAt: time,
  /** The uses seen in the current window, oldest first. */
  samples: z._default(list(windowSampleSchema, MAX_WINDOW_SAMPLES), []),
});

const codexCreditsStateSchema = z.object({
  hasCredits: z.nullable(z.boolean()),
  unlimited: z.nullable(z.boolean()),
  balance: z.nullable(number(-1e12, 1e12)),
  approxLocalMessages: range,
  approxCloudMessages: range,
  spendReached: z.nullable(z.boolean()),
});

const resetCreditsStateSchema = z.object({
  available: z.nullable(integer(0, 1000)),
  expiries: list(time, 8),
});

export const codexStateSchema = z.object({
  windows: list(codexWindowStateSchema, MAX_CODEX_WINDOWS),
  credits: z.nullable(codexCreditsStateSchema),
  resetCredits: z.nullable(resetCreditsStateSchema),
  /** When the last Codex usage response was read: its age is shown, since nothing asks for a newer one. */
  seenAt: time,
});

export type WindowSample = z.infer<typeof windowSampleSchema>;
export type CodexWindowState = z.infer<typeof codexWindowStateSchema>;
export type CodexState = z.infer<typeof codexStateSchema>;
