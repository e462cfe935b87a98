import type { CodexReading } from '../core/codex-usage';
import type { MemoryReading } from '../core/memory-usage';
import type { Reading } from '../core/quota-types';

/** A reading the inspector found in a capture, and where in the capture it was. */
export interface FoundReading {
  /** A ChatGPT quota reading, a Codex usage reading or a memory reading (told apart by `source`). */
  reading: Reading | CodexReading | MemoryReading;
  /** When the capture saw it (a HAR entry's startedDateTime); null when the file does not say. */
  at: number | null;
  /** The HAR entry it came from, counted from 1; null for a JSON or SSE file. */
  entry: number | null;
  /** For a turn's reading: the model that answered the turn (lib/page/turn-model.ts); null when it named none. */
  model?: string | null;
}

/** What one capture file held: its readings in order, and notes on what could not be read. */
export interface CaptureReport {
  readings: FoundReading[];
  notes: string[];
}

/** The features a reading says are blocked: blocked_features names them, whatever the count says. */
export function blockedNamesOf(reading: FoundReading['reading']): Set<string> {
  return new Set(quotaOf(reading)?.blocked?.map((block) => block.name));
}

/**
 * A time to print, or null when unknown: a reset derived from a delay (a refusal, a 429) in a file
 * that does not say when it was received is NaN (lib/cli/readings-of-findings.ts).
 */
export function knownTime(time: number | null): number | null {
  return time !== null && Number.isFinite(time) ? time : null;
}

/** The quota reading among the kinds, or null for a Codex or memory reading. */
export function quotaOf(reading: FoundReading['reading']): Reading | null {
  return reading.source === 'codex' || reading.source === 'memory' ? null : reading;
}

/** The Codex usage of a Codex reading, else null. */
export function codexOf(reading: FoundReading['reading']): CodexReading['usage'] | null {
  return reading.source === 'codex' ? reading.usage : null;
}
