import type { PageFinding } from './page-message';
import type { FetchCarrier } from './quota-endpoints';
import { modelCapClearsInMs } from './side-responses';
import { includes } from './page-natives';
import { httpStatusReason, type IgnoredReason } from './ignored-reasons';

/**
 * Which carrier responses are read, and how: one rule for the live interceptor
 * (lib/page/fetch-observer.ts) and for saved captures (lib/cli/har-readings.ts).
 * - a 2xx init body is the quota object (JSON); a 2xx Codex usage body is its limits, a memories
 *   body how full memory is (JSON, lib/page/page-findings.ts findingFromJsonBody);
 * - a 2xx turn is read only when it is an event stream;
 * - a turn's HTTP 429 may be the legacy model cap (protocol.md section 3);
 * - anything else is not read: an error status is worth a diagnostic, a non-stream turn is not.
 */
type ResponsePlan =
  { read: 'json' } | { read: 'stream' } | { read: 'model-cap-json' } | { read: 'nothing'; reason: IgnoredReason; diagnostic: boolean };

function isChatTurn(carrier: FetchCarrier): boolean {
  return carrier === 'stream' || carrier === 'resume';
}

export function responsePlan(carrier: FetchCarrier, status: number, contentType: string): ResponsePlan {
  if (status < 200 || status > 299) {
    if (status === 429 && isChatTurn(carrier)) return { read: 'model-cap-json' };
    return { read: 'nothing', reason: httpStatusReason(status), diagnostic: true };
  }
  if (carrier === 'init' || carrier === 'codex-usage' || carrier === 'memories') return { read: 'json' };
  if (includes(contentType, 'text/event-stream')) return { read: 'stream' };
  return { read: 'nothing', reason: 'not text/event-stream', diagnostic: false };
}

/** An HTTP 429 on a chat-turn carrier: the legacy model cap, or only its status. */
export function findingOf429(value: unknown, carrier: FetchCarrier): PageFinding {
  const clearsInMs = modelCapClearsInMs(value);
  return clearsInMs === null ? { kind: 'ignored', carrier, reason: 'HTTP 429' } : { kind: 'model-cap', carrier, clearsInMs };
}
