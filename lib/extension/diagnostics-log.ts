import { z } from 'zod/mini';
import { list } from '../core/schema-parts';
import { isIgnoredReason, type IgnoredReason } from '../page/ignored-reasons';
import { checkWith } from './schema-check';
import { defineStoredValue } from './stored-value';

/**
 * A short, bounded log of what was ignored and why (rejected readings, oversized bodies,
 * unreadable storage, stored entries nothing listed), for the diagnostics view. Only fixed codes are kept, for where and why:
 * never a value from the page (it is shown in the popup and copied into bug reports).
 */

const DIAGNOSTICS_KEY = 'diagnostics';
const MAX_ENTRIES = 30;

/** Where something was ignored: a carrier, or a part of the background. */
const DIAGNOSTIC_PLACES = [
  'init',
  'stream',
  'resume',
  'codex-usage',
  'memories',
  'websocket',
  'account',
  'background',
  'storage',
  'alarms',
] as const;
type DiagnosticPlace = (typeof DIAGNOSTIC_PLACES)[number];
/** The background's own reasons, beside the page's (lib/page/ignored-reasons.ts). */
const BACKGROUND_REASONS = [
  'reading rejected',
  'malformed relay message',
  'message too large',
  'too many new accounts',
  'stored state rejected',
  'orphaned entries removed',
  'alarm refused',
  'internal error',
] as const;
type DiagnosticReason = IgnoredReason | (typeof BACKGROUND_REASONS)[number];

function isDiagnosticReason(value: unknown): value is DiagnosticReason {
  return isIgnoredReason(value) || (BACKGROUND_REASONS as readonly unknown[]).includes(value);
}

const entrySchema = z.object({ at: z.number(), where: z.enum(DIAGNOSTIC_PLACES), reason: z.custom<DiagnosticReason>(isDiagnosticReason) });
const logSchema = list(entrySchema, MAX_ENTRIES);
type DiagnosticEntry = z.infer<typeof entrySchema>;

export const diagnosticsStore = defineStoredValue({
  key: DIAGNOSTICS_KEY,
  check: checkWith(logSchema, 'stored log'),
  fallback: (): DiagnosticEntry[] => [],
});

export async function logDiagnostic(where: DiagnosticPlace, reason: DiagnosticReason, at: number = Date.now()): Promise<void> {
  const entry = { at, where, reason };
  await diagnosticsStore.update((log) => [entry, ...log].slice(0, MAX_ENTRIES));
}
