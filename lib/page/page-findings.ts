import { looksLikeCodexUsage, pickCodexUsage } from './codex-usage-fields';
import { isRecord } from './json-record';
import { jsonValueOf } from './json-value';
import { includes } from './page-natives';
import { CDM_TYPE, looksLikeQuotaObject, pickQuotaFields } from './quota-fields';
import { pickMemory } from './side-responses';
import type { FetchCarrier } from './quota-endpoints';
import type { IgnoredReason } from './ignored-reasons';
import type { PageCarrier, PageFinding } from './page-message';

/**
 * Turns one SSE event's data (or a whole JSON body) into what may leave the page.
 * Cheap first: a substring test decides whether an event is worth JSON.parse at all, since a
 * 5 MB turn has thousands of deltas and only one quota event.
 */

export function findingFromEventData(data: string, carrier: PageCarrier): PageFinding | null {
  if (!includes(data, CDM_TYPE)) return null;
  const value = jsonValueOf(data);
  if (!isRecord(value) || value.type !== CDM_TYPE) return null;
  const quota = pickQuotaFields(value);
  return quota ? { kind: 'quota', carrier, quota } : null;
}

type JsonCarrier = 'init' | 'codex-usage' | 'memories';
type FieldsOf = (value: unknown, carrier: JsonCarrier) => PageFinding | null;

/** Each whole-JSON carrier: what it is read for, and the reason given when its body has none of it. */
const JSON_BODIES: Record<JsonCarrier, [FieldsOf, IgnoredReason]> = {
  // The init endpoint's JSON is the quota object itself, with or without `type`.
  init: [
    (value, carrier) => {
      const quota = pickQuotaFields(value);
      return quota && looksLikeQuotaObject(quota) ? { kind: 'quota', carrier, quota } : null;
    },
    'no quota fields',
  ],
  // The Codex usage body (/backend-api/wham/usage) reduced to its limit fields.
  'codex-usage': [
    (value, carrier) => {
      const usage = pickCodexUsage(value);
      return usage && looksLikeCodexUsage(usage) ? { kind: 'codex-usage', carrier, usage } : null;
    },
    'no Codex limit fields',
  ],
  // The memories body (/backend-api/memories) reduced to how full memory is: never a memory.
  memories: [
    (value, carrier) => {
      const memory = pickMemory(value);
      return memory ? { kind: 'memory', carrier, memory } : null;
    },
    'no memory fields',
  ],
};

/** A whole JSON body of a carrier other than a turn: one reader per carrier (init for any other). */
export function findingFromJsonBody(carrier: FetchCarrier, text: string): PageFinding {
  const json: JsonCarrier = carrier === 'codex-usage' || carrier === 'memories' ? carrier : 'init';
  // Indexed, not destructured: an array pattern calls Array.prototype[Symbol.iterator], which a page can patch.
  const body = JSON_BODIES[json];
  const value = jsonValueOf(text);
  if (value === undefined) return { kind: 'ignored', carrier: json, reason: 'body is not JSON' };
  return body[0](value, json) ?? { kind: 'ignored', carrier: json, reason: body[1] };
}

export const findingFromInitBody = (text: string) => findingFromJsonBody('init', text);
export const findingFromCodexBody = (text: string) => findingFromJsonBody('codex-usage', text);
export const findingFromMemoryBody = (text: string) => findingFromJsonBody('memories', text);
