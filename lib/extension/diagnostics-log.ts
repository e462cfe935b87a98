import { z } from 'zod/mini';
import { list, text } from '../core/schema-parts';
import { checkWith } from './schema-check';
import { defineStoredValue } from './stored-value';

/**
 * A short, bounded log of what was ignored and why (rejected readings, oversized bodies,
 * unreadable storage), for the diagnostics view. Only reasons and carriers are kept: never a
 * value from the page.
 */

const DIAGNOSTICS_KEY = 'diagnostics';
const MAX_ENTRIES = 30;

const entrySchema = z.object({ at: z.number(), where: text(40), reason: text(300) });
const logSchema = list(entrySchema, MAX_ENTRIES);
type DiagnosticEntry = z.infer<typeof entrySchema>;

export const diagnosticsStore = defineStoredValue({ key: DIAGNOSTICS_KEY, check: checkWith(logSchema, 'stored log'), fallback: (): DiagnosticEntry[] => [] });

export async function logDiagnostic(where: string, reason: string, at: number = Date.now()): Promise<void> {
  const entry = { at, where: where.slice(0, 40), reason: reason.slice(0, 300) };
  await diagnosticsStore.update((log) => [entry, ...log].slice(0, MAX_ENTRIES));
}
