import { findingsOfJson, findingsOfStream } from './capture-findings';
import type { CaptureReport } from './found-reading';
import { harEntriesOf } from './har-entries';
import { readingsOfHar } from './har-readings';
import { jsonValueOf } from '../page/json-value';
import { readingsOfFindings } from './readings-of-findings';
import type { PageFinding } from '../page/page-message';
import { createTurnFrameReader, turnFrameOf } from '../page/websocket-frames';

/**
 * Reads a capture file whatever it is: a HAR (its carrier entries), a JSON body (a quota object,
 * the legacy 429 body or one event of a turn), saved WebSocket frames (one JSON frame a line, read
 * as one socket: replays count once), or a saved SSE stream (read as a chat turn).
 * Returns null when the text is none of these.
 */

function findingsOfFrames(lines: string[]): PageFinding[] {
  const findings: PageFinding[] = [];
  const read = createTurnFrameReader((finding) => findings.push(finding));
  for (const line of lines) read(line);
  return findings;
}

/** JSON lines of which at least one is a turn frame. */
function frameLinesOf(text: string): string[] | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const allJson = lines.length > 1 && lines.every((line) => jsonValueOf(line) !== undefined);
  return allJson && lines.some((line) => turnFrameOf(line) !== null) ? lines : null;
}

// A saved stream has at least one field line (protocol.md section 4: "event: delta", "data: {...}").
const SSE_FIELD_LINE = /^(?:data|event):/m;
// A JSON or SSE file says neither when it was received nor which entry it was.
const NO_PLACE = { at: null, entry: null };

export function readingsOfCapture(fileText: string): CaptureReport | null {
  const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
  const json = jsonValueOf(text);
  if (json !== undefined) {
    const entries = harEntriesOf(json);
    return entries === null ? readingsOfFindings(findingsOfJson(text, json), NO_PLACE) : readingsOfHar(entries);
  }
  const frames = frameLinesOf(text);
  if (frames !== null) return readingsOfFindings(findingsOfFrames(frames), NO_PLACE);
  return SSE_FIELD_LINE.test(text) ? readingsOfFindings(findingsOfStream(text, 'stream'), NO_PLACE) : null;
}
