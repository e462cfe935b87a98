import { z } from 'zod/mini';
import { text } from '../core/schema-parts';
import { checkWith } from './schema-check';
import { defineStoredValue } from './stored-value';
import { LAST_FINDINGS_KEY } from './storage-keys';

/**
 * The last finding of each kind and carrier, for the diagnostics view. The background writes only
 * validated findings with quota fields picked again (entrypoints/background/finding-handler.ts);
 * reading back checks the shape and a size bound only, so that the popup's first chunk does not
 * carry the page channel's schemas (the view that shows them is loaded on demand).
 */
const MAX_FINDING_CHARS = 64 * 1024;
/** Whether a finding is small enough to be kept, and so read back (the background checks before writing). */
export const isKeepableFinding = (finding: unknown) => JSON.stringify(finding).length <= MAX_FINDING_CHARS;
const storedFinding = z
  .looseObject({ kind: text(20), carrier: text(20) })
  .check(z.refine(isKeepableFinding, { message: 'finding too large' }));
const lastFindingsSchema = z.record(text(40), z.object({ at: z.number(), finding: storedFinding }));
type LastFindings = z.infer<typeof lastFindingsSchema>;

export const lastFindingsStore = defineStoredValue({
  key: LAST_FINDINGS_KEY,
  check: checkWith(lastFindingsSchema, 'stored findings'),
  fallback: (): LastFindings => ({}),
});
