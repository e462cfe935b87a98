import { browser } from 'wxt/browser';
import { z } from 'zod';

/**
 * A short, bounded log of what was ignored and why (rejected readings, oversized bodies,
 * unreadable storage), for the diagnostics view. Only reasons and carriers are kept: never a
 * value from the page.
 */

export const DIAGNOSTICS_KEY = 'diagnostics';
const MAX_ENTRIES = 30;

const entrySchema = z.object({ at: z.number(), where: z.string().max(40), reason: z.string().max(300) });
const logSchema = z.array(entrySchema).max(MAX_ENTRIES);
export type DiagnosticEntry = z.infer<typeof entrySchema>;

let queue: Promise<unknown> = Promise.resolve();

export function readDiagnostics(value: unknown): DiagnosticEntry[] {
  const parsed = logSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export function logDiagnostic(where: string, reason: string, at: number = Date.now()): Promise<void> {
  const next = queue.then(async () => {
    const stored = await browser.storage.local.get(DIAGNOSTICS_KEY);
    const entry = { at, where: where.slice(0, 40), reason: reason.slice(0, 300) };
    const log = [entry, ...readDiagnostics(stored[DIAGNOSTICS_KEY])].slice(0, MAX_ENTRIES);
    await browser.storage.local.set({ [DIAGNOSTICS_KEY]: log });
  });
  queue = next.catch(() => undefined);
  return next;
}
