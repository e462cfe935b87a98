import { findingFromEventData, findingFromInitBody } from '../page-findings';
import type { PageFinding } from '../page-channel';
import { readingFromPickedQuota } from '../parse-quota-object';
import type { FetchCarrier } from '../quota-endpoints';
import type { Reading } from '../quota-types';
import { createSseScanner } from '../sse-scanner';

/**
 * Reads one response body the way the extension does: the init body through
 * findingFromInitBody, a stream through the same SSE scanner and findingFromEventData, then
 * every quota finding through readingFromPickedQuota, as the background does.
 */

export interface BodyReadings {
  readings: Reading[];
  /** Quota objects that validation rejected, and why (a field path and a rule, never a value). */
  rejected: string[];
  /** Why an init body was not read at all, as lib/page-findings.ts says it. */
  ignored: string | null;
}

function readingsOfFindings(findings: PageFinding[], source: FetchCarrier, receivedAt: number): BodyReadings {
  const result: BodyReadings = { readings: [], rejected: [], ignored: null };
  for (const finding of findings) {
    if (finding.kind === 'ignored') result.ignored = finding.reason;
    if (finding.kind !== 'quota') continue;
    const parsed = readingFromPickedQuota(finding.quota, { source, receivedAt });
    if (parsed.ok) result.readings.push(parsed.reading);
    else result.rejected.push(`reading rejected: ${parsed.error}`);
  }
  return result;
}

function findingsOfStream(body: string, carrier: FetchCarrier): PageFinding[] {
  const findings: PageFinding[] = [];
  const scanner = createSseScanner((data) => {
    const finding = findingFromEventData(data, carrier);
    if (finding) findings.push(finding);
  });
  scanner.pushText(body);
  scanner.end();
  return findings;
}

export function readingsOfBody(body: string, carrier: FetchCarrier, receivedAt: number): BodyReadings {
  const findings = carrier === 'init' ? [findingFromInitBody(body)] : findingsOfStream(body, carrier);
  return readingsOfFindings(findings, carrier, receivedAt);
}
