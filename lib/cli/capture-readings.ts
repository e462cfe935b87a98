import { readingsOfBody, type BodyReadings } from './body-readings';
import type { CaptureReport } from './found-reading';
import { harEntriesOf } from './har-entries';
import { readingsOfHar } from './har-readings';

/**
 * Reads a capture file whatever it is: a HAR (its carrier entries), a JSON quota object (read as
 * the init endpoint's body, the one carrier that delivers plain JSON), or a saved SSE stream
 * (read as the chat-turn stream). Returns null when the text is none of these.
 */

// A saved stream has at least one field line (protocol.md section 4: "event: delta", "data: {...}").
const SSE_FIELD_LINE = /^(?:data|event):/m;

function parseJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

/** A JSON or SSE file has no time of its own and no entries. */
function fileReport(body: BodyReadings): CaptureReport {
  return { readings: body.readings.map((reading) => ({ reading, at: null, entry: null })), notes: body.rejected };
}

export function readingsOfCapture(fileText: string, now: number): CaptureReport | null {
  const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
  const json = parseJson(text);
  if (json !== null) {
    const entries = harEntriesOf(json.value);
    return entries === null ? fileReport(readingsOfBody(text, 'init', now)) : readingsOfHar(entries, now);
  }
  return SSE_FIELD_LINE.test(text) ? fileReport(readingsOfBody(text, 'stream', now)) : null;
}
