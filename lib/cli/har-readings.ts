import { MAX_INIT_BYTES } from '../fetch-observer';
import { readingsOfBody } from './body-readings';
import type { CaptureReport } from './found-reading';
import { carrierEntriesOf, type CarrierEntry } from './har-entries';

/**
 * Reads the carrier entries of a HAR with the extension's own rules (lib/fetch-observer.ts,
 * readCarrier): only a 2xx response is read, a stream only when it is labelled
 * text/event-stream, an init body only up to MAX_INIT_BYTES. What the extension would skip is
 * skipped here too, with a note saying why.
 */

/** The body the extension would read from this entry, or why it would skip the entry. */
function bodyToRead(entry: CarrierEntry): { body: Uint8Array } | { skipped: string } {
  const { status, body } = entry;
  if (status === null || status < 200 || status > 299) return { skipped: `HTTP ${status ?? 'status missing'}, not read` };
  if (entry.carrier !== 'init' && !entry.contentType.includes('text/event-stream')) return { skipped: 'not text/event-stream, not read' };
  if (body === null) return { skipped: 'the HAR holds no response body' };
  if (entry.carrier === 'init' && body.byteLength > MAX_INIT_BYTES) return { skipped: 'body too large, not read' };
  return { body };
}

export function readingsOfHar(entries: unknown[], now: number): CaptureReport {
  const report: CaptureReport = { readings: [], notes: [] };
  for (const entry of carrierEntriesOf(entries)) {
    const where = `entry ${entry.number} (${entry.carrier})`;
    const toRead = bodyToRead(entry);
    if ('skipped' in toRead) {
      report.notes.push(`${where}: ${toRead.skipped}`);
      continue;
    }
    const body = readingsOfBody(new TextDecoder().decode(toRead.body), entry.carrier, entry.at ?? now);
    if (body.ignored !== null) report.notes.push(`${where}: ${body.ignored}`);
    report.notes.push(...body.rejected.map((reason) => `${where}: ${reason}`));
    report.readings.push(...body.readings.map((reading) => ({ reading, at: entry.at, entry: entry.number })));
  }
  return report;
}
