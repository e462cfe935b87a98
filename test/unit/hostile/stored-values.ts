import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod/mini';
import { chipPositionFromStorage } from '../../../lib/chip-position';
import { ledgerSchema } from '../../../lib/notification-policy';
import { findingSchema } from '../../../lib/page-message-schema';
import { quotaStateSchema } from '../../../lib/quota-state';
import { settingsSchema } from '../../../lib/settings';
import { historySchema } from '../../../lib/usage-history';
import { readDiagnostics } from '../../../lib/extension/diagnostics-log';

/**
 * Checks everything in storage.local against the schemas the extension reads it back with: after
 * any message, forged or not, each stored value must be one the extension would accept as it is.
 * Shared by the hostile unit tests and the forged-messages browser spec.
 */

/** lib/extension/last-findings-store.ts keeps its schema to itself; this is its shape. */
const lastFindingsShape = z.record(z.string(), z.object({ at: z.number(), finding: findingSchema }));

/** Values read back through a function that returns a default for anything invalid: valid means unchanged. */
const readsBackAsItself = (read: (raw: unknown) => unknown) => (raw: unknown) => isDeepStrictEqual(read(raw), raw);

const VALIDATORS: Record<string, (raw: unknown) => boolean> = {
  quotaState: (raw) => quotaStateSchema.safeParse(raw).success,
  settings: (raw) => settingsSchema.safeParse(raw).success,
  usageHistory: (raw) => historySchema.safeParse(raw).success,
  noticeLedger: (raw) => ledgerSchema.safeParse(raw).success,
  lastFindings: (raw) => lastFindingsShape.safeParse(raw).success,
  diagnostics: readsBackAsItself(readDiagnostics),
  chipPosition: readsBackAsItself(chipPositionFromStorage),
};

/** The keys whose values would not pass (or that the extension does not know); [] when all is well. */
export function invalidStoredValues(storage: Record<string, unknown>): string[] {
  return Object.entries(storage)
    .filter(([key, value]) => !(Object.hasOwn(VALIDATORS, key) && VALIDATORS[key]?.(value)))
    .map(([key]) => key);
}
