import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod/mini';
import type { PageFinding } from '../../../lib/channel/page-channel';
import type { findingSchema } from '../../../lib/channel/page-message-schema';
import type { PickedCodexUsage } from '../../../lib/page/codex-usage-fields';
import type { PickedQuota } from '../../../lib/page/quota-fields';

/**
 * The page script describes its findings with a plain type (no zod in the page); the relay checks
 * them with a schema. Checked by `npm run typecheck`: if either changes alone, the two no longer
 * describe the same message and this stops compiling. The schema takes the quota object as any
 * record, since the relay picks its fields again; the page's type is the picked shape.
 */

/** The quota object and the Codex usage body are the fields the two describe differently on purpose: see the tests below. */
type QuotaAside<T> = T extends { kind: 'quota' } ? Omit<T, 'quota'> : T extends { kind: 'codex-usage' } ? Omit<T, 'usage'> : T;
type SchemaInput = z.input<typeof findingSchema>;

describe('a page finding', () => {
  it('has exactly the type the relay schema accepts, field by field', () => {
    expectTypeOf<QuotaAside<PageFinding>>().toEqualTypeOf<QuotaAside<SchemaInput>>();
  });

  it('its picked quota fields are a record the schema accepts (the relay picks them again, lib/page/quota-fields.ts)', () => {
    expectTypeOf<PickedQuota>().toExtend<Extract<SchemaInput, { kind: 'quota' }>['quota']>();
  });

  it('its picked Codex usage fields are a record the schema accepts (picked again, lib/page/codex-usage-fields.ts)', () => {
    expectTypeOf<PickedCodexUsage>().toExtend<Extract<SchemaInput, { kind: 'codex-usage' }>['usage']>();
  });
});
