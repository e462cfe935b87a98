import { looksLikeCodexUsage, pickCodexUsage } from './codex-usage-fields';
import { isRecord } from './json-record';
import { jsonValueOf } from './json-value';
import { includes } from './page-natives';
import { CDM_TYPE, looksLikeQuotaObject, pickQuotaFields } from './quota-fields';
import { pickMemory } from './side-responses';
import type { FetchCarrier } from './quota-endpoints';
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

/** The init endpoint's JSON is the quota object itself, with or without `type`. */
export function findingFromInitBody(text: string): PageFinding {
  const value = jsonValueOf(text);
  if (value === undefined) return { kind: 'ignored', carrier: 'init', reason: 'body is not JSON' };
  const quota = pickQuotaFields(value);
  if (!quota || !looksLikeQuotaObject(quota)) return { kind: 'ignored', carrier: 'init', reason: 'no quota fields' };
  return { kind: 'quota', carrier: 'init', quota };
}

/** The Codex usage body (/backend-api/wham/usage) reduced to its limit fields. */
export function findingFromCodexBody(text: string): PageFinding {
  const value = jsonValueOf(text);
  if (value === undefined) return { kind: 'ignored', carrier: 'codex-usage', reason: 'body is not JSON' };
  const usage = pickCodexUsage(value);
  if (!usage || !looksLikeCodexUsage(usage)) return { kind: 'ignored', carrier: 'codex-usage', reason: 'no Codex limit fields' };
  return { kind: 'codex-usage', carrier: 'codex-usage', usage };
}

/** The memories body (/backend-api/memories) reduced to how full memory is: never a memory. */
export function findingFromMemoryBody(text: string): PageFinding {
  const value = jsonValueOf(text);
  if (value === undefined) return { kind: 'ignored', carrier: 'memories', reason: 'body is not JSON' };
  const memory = pickMemory(value);
  return memory ? { kind: 'memory', carrier: 'memories', memory } : { kind: 'ignored', carrier: 'memories', reason: 'no memory fields' };
}

/** A whole JSON body of a carrier other than a turn: one reader per carrier. */
export function findingFromJsonBody(carrier: FetchCarrier, text: string): PageFinding {
  if (carrier === 'codex-usage') return findingFromCodexBody(text);
  return carrier === 'memories' ? findingFromMemoryBody(text) : findingFromInitBody(text);
}
