import { findingsOfJson, findingsOfStream } from './capture-findings';
import type { CaptureReport } from './found-reading';
import { harEntriesOf } from './har-entries';
import { readingsOfHar } from './har-readings';
import { parseJson } from './parse-json';
import { readingsOfFindings } from './readings-of-findings';

/**
 * Reads a capture file whatever it is: a HAR (its carrier entries), a JSON body (a quota object,
 * the legacy 429 body or one event of a turn), or a saved SSE stream (read as a chat turn).
 * Returns null when the text is none of these.
 */

// A saved stream has at least one field line (protocol.md section 4: "event: delta", "data: {...}").
const SSE_FIELD_LINE = /^(?:data|event):/m;
// A JSON or SSE file says neither when it was received nor which entry it was.
const NO_PLACE = { at: null, entry: null };

export function readingsOfCapture(fileText: string): CaptureReport | null {
  const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
  const json = parseJson(text);
  if (json !== null) {
    const entries = harEntriesOf(json.value);
    return entries === null ? readingsOfFindings(findingsOfJson(text, json.value), NO_PLACE) : readingsOfHar(entries);
  }
  return SSE_FIELD_LINE.test(text) ? readingsOfFindings(findingsOfStream(text, 'stream'), NO_PLACE) : null;
}
