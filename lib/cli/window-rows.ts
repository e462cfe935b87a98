import { memoryPercentFull } from '../core/memory-usage';
import { formatClock } from './clock-time';
import { codexOf, knownTime, type FoundReading } from './found-reading';

/**
 * The inspector's rows for Codex windows (a /backend-api/wham/usage body): name, limit (a model's
 * name for a per-model limit), length, share used and left, whether the server says the limit is
 * reached, reset in local time and UTC, where and when seen; and lines for the credits, the reset
 * credits and how full memory is (a /backend-api/memories body), when given.
 */

const UNKNOWN = 'unknown';

function lengthOf(seconds: number | null): string {
  if (seconds === null) return UNKNOWN;
  return seconds % 86_400 === 0 ? `${seconds / 86_400} d` : `${Math.round((seconds / 3600) * 100) / 100} h`;
}

export function windowRows(found: FoundReading, where: string, seen: string, timeZone: string | undefined): string[][] {
  return (codexOf(found.reading)?.windows ?? []).map((window) => {
    const resetsAt = knownTime(window.resetsAt);
    return [
      window.name,
      window.model ?? window.limit,
      lengthOf(window.windowSeconds),
      `${window.usedPercent}%`,
      `${Math.round((100 - window.usedPercent) * 100) / 100}%`,
      window.reached ? 'yes' : 'no',
      resetsAt === null ? UNKNOWN : formatClock(resetsAt, timeZone),
      resetsAt === null ? UNKNOWN : formatClock(resetsAt, 'UTC'),
      where,
      seen,
    ];
  });
}

export const WINDOW_HEADINGS = [
  'CODEX WINDOW',
  'LIMIT',
  'LENGTH',
  'USED',
  'LEFT',
  'REACHED',
  'RESETS (LOCAL)',
  'RESETS (UTC)',
  'FROM',
  'SEEN',
];

const flag = (value: boolean | null) => (value === null ? UNKNOWN : value ? 'yes' : 'no');
const range = (value: readonly number[] | null) => (value === null ? UNKNOWN : `${value[0]}-${value[1]}`);

/** "credits: 12.5 (has credits: yes, unlimited: no, ~messages local 10-50, cloud 5-20, spend limit reached: no)", or nothing. */
export function creditsLine(found: FoundReading): string | null {
  const credits = codexOf(found.reading)?.credits;
  if (!credits) return null;
  return (
    `credits: ${credits.balance ?? UNKNOWN} (has credits: ${flag(credits.hasCredits)}, unlimited: ${flag(credits.unlimited)}, ` +
    `~messages local ${range(credits.approxLocalMessages)}, cloud ${range(credits.approxCloudMessages)}, ` +
    `spend limit reached: ${flag(credits.spendReached)})`
  );
}

/** "reset credits: 2 (unused ones expire 2026-09-20 10:00, ...)", or nothing when the body had none. */
export function resetCreditsLine(found: FoundReading): string | null {
  const credits = codexOf(found.reading)?.resetCredits;
  if (!credits) return null;
  const expiries = credits.expiries.map((time) => formatClock(time, 'UTC'));
  return `reset credits: ${credits.available ?? UNKNOWN} (unused ones expire: ${expiries.length > 0 ? expiries.join(', ') : UNKNOWN})`;
}

/** "memory: 83% full (4150 of 5000 tokens)", or nothing for a reading that is not a memories body. */
export function memoryLine(found: FoundReading): string | null {
  if (found.reading.source !== 'memory') return null;
  const { memory } = found.reading;
  const full = memoryPercentFull(memory);
  return `memory: ${full === null ? UNKNOWN : `${full}% full`} (${memory.usedTokens ?? UNKNOWN} of ${memory.maxTokens ?? UNKNOWN} tokens)`;
}
