import { MAX_INIT_BYTES } from '../page/fetch-observer';
import { findingFromJsonBody } from '../page/page-findings';
import type { PageFinding } from '../page/page-message';
import { findingOf429, responsePlan } from '../page/response-plan';
import { findingsOfStream } from './capture-findings';
import type { CaptureReport } from './found-reading';
import { carrierEntriesOf, type CarrierEntry } from './har-entries';
import { jsonValueOf } from '../page/json-value';
import { readingsOfFindings } from './readings-of-findings';

import type { IgnoredReason } from '../page/ignored-reasons';
/**
 * Reads the carrier entries of a HAR with the rules the extension applies to a live response
 * (lib/page/fetch-observer.ts, readCarrier): a 2xx init body up to MAX_INIT_BYTES, a 2xx stream only
 * when labelled text/event-stream, a 429 of a turn as the legacy model cap, any other status
 * not at all. What the extension would skip silently is told here as an "ignored" note.
 */

function findingsOfEntry({ carrier, status, contentType, body }: CarrierEntry): PageFinding[] {
  const ignored = (reason: IgnoredReason): PageFinding[] => [{ kind: 'ignored', carrier, reason }];
  const text = body === null ? null : new TextDecoder().decode(body);
  const withinBound = body !== null && body.byteLength <= MAX_INIT_BYTES;
  if (status === null) return ignored('no HTTP status in the HAR');
  const plan = responsePlan(carrier, status, contentType);
  if (plan.read === 'nothing') return ignored(plan.reason);
  if (plan.read === 'model-cap-json') return [findingOf429(text !== null && withinBound ? jsonValueOf(text) : undefined, carrier)];
  if (text === null) return ignored('no response body in the HAR');
  if (plan.read === 'stream') return findingsOfStream(text, carrier);
  if (!withinBound) return ignored('body too large');
  return [findingFromJsonBody(carrier, text)];
}

export function readingsOfHar(entries: unknown[]): CaptureReport {
  const report: CaptureReport = { readings: [], notes: [] };
  for (const entry of carrierEntriesOf(entries)) {
    const found = readingsOfFindings(findingsOfEntry(entry), { at: entry.at, entry: entry.number });
    report.readings.push(...found.readings);
    report.notes.push(...found.notes.map((note) => `entry ${entry.number} (${entry.carrier}): ${note}`));
  }
  return report;
}
