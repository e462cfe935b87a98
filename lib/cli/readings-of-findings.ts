import { readingFromFinding } from '../core/finding-readings';
import { formatDuration } from '../view/format-time';
import type { PageFinding } from '../page/page-message';
import { findingSchema, type Finding } from '../channel/page-message-schema';
import type { CaptureReport } from './found-reading';

/**
 * Turns findings into readings the way the background does: each finding is validated with the
 * channel's schema, then readingFromFinding makes the Reading. A cooldown is not a reading (the
 * background keeps it apart); it is told in a note. Plan and account findings are left out. The
 * model that answered a turn is given to the turn's readings (one body, one turn).
 */

interface FindingPlace {
  /** When the capture saw the body; null when the file does not say. */
  at: number | null;
  entry: number | null;
}

// The CLI prints durations in English, like the rest of its output.
const LOCALE = 'en';

/** A refusal or a 429 gives a delay, not a time: without the capture's time it cannot be placed. */
function delayOf(finding: Finding): number | null {
  if (finding.kind === 'refusal') return finding.resetsInMs;
  if (finding.kind === 'model-cap') return finding.clearsInMs;
  return null;
}

const TURN_SOURCES: ReadonlySet<string> = new Set(['stream', 'resume', 'websocket']);

export function readingsOfFindings(findings: PageFinding[], place: FindingPlace): CaptureReport {
  const report: CaptureReport = { readings: [], notes: [] };
  const turn = findings.find((finding) => finding.kind === 'turn-model');
  // Validated like every finding: only a slug the background would accept is printed.
  const model = turn === undefined || !findingSchema.safeParse(turn).success ? null : turn.model;
  for (const pageFinding of findings) {
    const parsed = findingSchema.safeParse(pageFinding);
    if (!parsed.success) {
      report.notes.push(`finding rejected: ${parsed.error.issues[0]?.path.join('.') || 'finding'}`);
      continue;
    }
    const finding = parsed.data;
    if (finding.kind === 'ignored') report.notes.push(finding.reason);
    if (finding.kind === 'cooldown')
      report.notes.push(`${finding.feature} cooldown of ${formatDuration(finding.cooldownMs, LOCALE)} (not a quota reading)`);
    // NaN, not "now", when the time is unknown: times derived from it stay unknown (printed so).
    const result = readingFromFinding(finding, place.at ?? Number.NaN);
    if (result === null) continue;
    if (!result.ok) {
      report.notes.push(`reading rejected: ${result.error}`);
      continue;
    }
    report.readings.push({ reading: result.reading, ...place, ...(TURN_SOURCES.has(result.reading.source) ? { model } : {}) });
    const delay = delayOf(finding);
    if (place.at === null && delay !== null) {
      report.notes.push(
        `${result.reading.source}: resets ${formatDuration(delay, LOCALE)} after the response arrived; the file does not say when that was`,
      );
    }
  }
  return report;
}
