import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod/mini';
import { findingSchema } from '../../../lib/channel/page-message-schema';
import { relayMessageOf } from '../../../lib/channel/relay-message';
import type { PickedCodexUsage } from '../../../lib/page/codex-usage-fields';
import type { PickedMemory } from '../../../lib/page/side-responses';
import {
  PAGE_CARRIERS,
  PAGE_FINDING_FIELDS,
  type PageCarrier,
  type PageFinding,
  type PageFindingKind,
} from '../../../lib/page/page-message';
import type { PickedQuota } from '../../../lib/page/quota-fields';

/**
 * The page message is written once, as a table of kinds, carriers and fields
 * (lib/page/page-message.ts). Three things describe it: the page's type (derived from the table),
 * the background's schema (lib/channel/page-message-schema.ts) and the relay's light check
 * (lib/channel/relay-message.ts, which reads the table). The type tests run in `npm run typecheck`:
 * if one of the three changes alone, this stops compiling; the table test runs every kind through
 * the relay and the schema.
 */

/** The quota object and the Codex usage body are the fields the two describe differently on purpose: see the tests below. */
type QuotaAside<T> = T extends { kind: 'quota' } ? Omit<T, 'quota'> : T extends { kind: 'codex-usage' } ? Omit<T, 'usage'> : T;
type SchemaInput = z.input<typeof findingSchema>;
type RelayFinding = Extract<NonNullable<ReturnType<typeof relayMessageOf>>, { type: 'page-finding' }>['finding'];
type TableFields<K extends PageFindingKind> = (typeof PAGE_FINDING_FIELDS)[K][number];

describe('the page type', () => {
  it('has the table kinds, and each kind exactly its fields besides kind and carrier', () => {
    expectTypeOf<PageFinding['kind']>().toEqualTypeOf<PageFindingKind>();
    expectTypeOf<{ [K in PageFindingKind]: keyof Extract<PageFinding, { kind: K }> }>().toEqualTypeOf<{
      [K in PageFindingKind]: 'kind' | 'carrier' | TableFields<K>;
    }>();
    expectTypeOf<PageFinding['carrier']>().toEqualTypeOf<(typeof PAGE_CARRIERS)[number]>();
  });
});

describe('the background schema', () => {
  it('accepts exactly the page type, field by field', () => {
    expectTypeOf<QuotaAside<PageFinding>>().toEqualTypeOf<QuotaAside<SchemaInput>>();
  });

  it('takes the picked quota fields as a record (the background picks them again, lib/page/quota-fields.ts)', () => {
    expectTypeOf<PickedQuota>().toExtend<Extract<SchemaInput, { kind: 'quota' }>['quota']>();
  });

  it('takes the picked Codex usage fields as a record (picked again, lib/page/codex-usage-fields.ts)', () => {
    expectTypeOf<PickedCodexUsage>().toExtend<Extract<SchemaInput, { kind: 'codex-usage' }>['usage']>();
    expectTypeOf<PickedMemory>().toExtend<Extract<SchemaInput, { kind: 'memory' }>['memory']>();
  });
});

describe("the relay's light check", () => {
  it('lets through the table kinds and carriers only', () => {
    expectTypeOf<RelayFinding['kind']>().toEqualTypeOf<PageFindingKind>();
    expectTypeOf<RelayFinding['carrier']>().toEqualTypeOf<PageCarrier>();
  });
});

/** One well-formed finding of each kind: the type demands every kind of the table. */
const SAMPLES: { [K in PageFindingKind]: Extract<PageFinding, { kind: K }> } = {
  quota: { kind: 'quota', carrier: 'init', quota: { type: 'conversation_detail_metadata', limits_progress: [] } },
  'codex-usage': { kind: 'codex-usage', carrier: 'codex-usage', usage: { rate_limit: null } },
  memory: { kind: 'memory', carrier: 'memories', memory: { memory_num_tokens: 830, memory_max_tokens: '1000' } },
  refusal: { kind: 'refusal', carrier: 'stream', feature: 'image_gen', resetsInMs: 60_000 },
  cooldown: { kind: 'cooldown', carrier: 'websocket', feature: 'image_gen', cooldownMs: 3_600_000 },
  'model-cap': { kind: 'model-cap', carrier: 'stream', clearsInMs: 1000 },
  plan: { kind: 'plan', carrier: 'account', plan: 'plus' },
  'turn-model': { kind: 'turn-model', carrier: 'stream', model: 'gpt-5-thinking', auto: true, turn: 'turn-0123456789abcdef' },
  account: { kind: 'account', carrier: 'account' },
  ignored: { kind: 'ignored', carrier: 'resume', reason: 'HTTP 500' },
};

describe.each(Object.values(SAMPLES).map((sample) => [sample.kind, sample] as const))('a %s finding', (kind, sample) => {
  const fields: readonly string[] = PAGE_FINDING_FIELDS[kind];
  const relayed = (data: object) => {
    const message = relayMessageOf({ ...data, account: null });
    return message?.type === 'page-finding' ? message.finding : message;
  };

  it('passes the relay unchanged and the schema', () => {
    expect(relayed(sample)).toEqual(sample);
    expect(findingSchema.safeParse(sample).success).toBe(true);
  });

  it('loses at the relay what the table does not name', () => {
    expect(relayed({ ...sample, extra: 'x' })).toEqual(sample);
  });

  it.runIf(fields.length > 0)('is dropped by the relay and the schema without any one of its fields', () => {
    for (const field of fields) {
      const without: Record<string, unknown> = { ...sample };
      delete without[field];
      expect(relayed(without), field).toBeNull();
      expect(findingSchema.safeParse(without).success, field).toBe(false);
    }
  });

  it('is dropped by both with a carrier the table does not name', () => {
    expect(relayed({ ...sample, carrier: 'email' })).toBeNull();
    expect(findingSchema.safeParse({ ...sample, carrier: 'email' }).success).toBe(false);
  });
});

describe('a kind the table does not name', () => {
  it('is dropped by the relay and by the schema', () => {
    expect(relayMessageOf({ kind: 'cookie', carrier: 'init', account: null })).toBeNull();
    expect(findingSchema.safeParse({ kind: 'cookie', carrier: 'init' }).success).toBe(false);
  });

  it('nor is a name inherited from Object.prototype a kind', () => {
    expect(relayMessageOf({ kind: 'constructor', carrier: 'init', account: null })).toBeNull();
  });
});

describe('the table', () => {
  it('names each carrier once', () => {
    expect(new Set(PAGE_CARRIERS).size).toBe(PAGE_CARRIERS.length);
  });
});
