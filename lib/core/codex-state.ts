import { z } from 'zod/mini';
import { integer, list, name, number } from './schema-parts';

/**
 * What the background keeps of Codex's limits, per account (quotaState.accounts[id].codex).
 * Absent in state written before Codex was read: it then reads back as null ("never seen").
 */

/** Two groups of two windows are described; room for a few new ones. */
export const MAX_CODEX_WINDOWS = 8;
/** Enough drops to tell a pace over a 5-hour window or a week, small enough to store for ten accounts. */
export const MAX_WINDOW_SAMPLES = 48;
const MAX_WINDOW_SECONDS = 366 * 24 * 3600;

const time = integer(0);
const percent = number(0, 100);

/** One reading of a window's use, for the run-out forecast. */
const windowSampleSchema = z.object({ at: time, usedPercent: percent });

const codexWindowStateSchema = z.object({
  name: name(100),
  usedPercent: percent,
  resetsAt: z.nullable(time),
  windowSeconds: z.nullable(integer(1, MAX_WINDOW_SECONDS)),
  /** When the reading that set this window arrived. */
  seenAt: time,
  /** The uses seen in the current window, oldest first. */
  samples: z._default(list(windowSampleSchema, MAX_WINDOW_SAMPLES), []),
});

const codexCreditsStateSchema = z.object({
  hasCredits: z.nullable(z.boolean()),
  unlimited: z.nullable(z.boolean()),
  balance: z.nullable(number(-1e12, 1e12)),
});

export const codexStateSchema = z.object({
  windows: list(codexWindowStateSchema, MAX_CODEX_WINDOWS),
  credits: z.nullable(codexCreditsStateSchema),
  /** When the last Codex usage response was read: its age is shown, since nothing asks for a newer one. */
  seenAt: time,
});

export type WindowSample = z.infer<typeof windowSampleSchema>;
export type CodexWindowState = z.infer<typeof codexWindowStateSchema>;
export type CodexState = z.infer<typeof codexStateSchema>;
