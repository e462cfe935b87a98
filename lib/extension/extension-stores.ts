import { z } from 'zod/mini';
import { text } from '../schema-parts';
import { findingSchema } from '../page-message-schema';
import { ledgerSchema, type NoticeLedger } from '../notification-policy';
import { settingsFromStorage } from '../settings';
import { historyFromStorage } from '../usage-history';
import { defineStoredValue } from './stored-value';

/** The other values the extension keeps in storage.local, each validated when read back. */

export const settingsStore = defineStoredValue('settings', settingsFromStorage);

export const historyStore = defineStoredValue('usageHistory', historyFromStorage);

export const noticeLedgerStore = defineStoredValue('noticeLedger', (raw): NoticeLedger => {
  const parsed = ledgerSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
});

/** The last finding of each kind and carrier, as validated (quota fields only), for diagnostics. */
const lastFindingsSchema = z.record(text(40), z.object({ at: z.number(), finding: findingSchema }));
export type LastFindings = z.infer<typeof lastFindingsSchema>;

export const lastFindingsStore = defineStoredValue('lastFindings', (raw): LastFindings => {
  const parsed = lastFindingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
});
