import { z } from 'zod/mini';
import { findingSchema } from '../page-message-schema';
import { text } from '../schema-parts';
import { defineStoredValue } from './stored-value';

/** The last finding of each kind and carrier, as validated (quota fields only), for diagnostics. */
const lastFindingsSchema = z.record(text(40), z.object({ at: z.number(), finding: findingSchema }));
export type LastFindings = z.infer<typeof lastFindingsSchema>;

export const lastFindingsStore = defineStoredValue('lastFindings', (raw): LastFindings => {
  const parsed = lastFindingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
});
