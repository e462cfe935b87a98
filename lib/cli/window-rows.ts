import { formatClock } from './clock-time';
import { knownTime, type FoundReading } from './found-reading';

/**
 * The inspector's rows for Codex windows (a /backend-api/wham/usage body): name, length, share
 * used and left, reset in local time and UTC, where and when seen; and the credits, when given.
 */

const UNKNOWN = 'unknown';

function lengthOf(seconds: number | null): string {
  if (seconds === null) return UNKNOWN;
  return seconds % 86_400 === 0 ? `${seconds / 86_400} d` : `${Math.round((seconds / 3600) * 100) / 100} h`;
}

export function windowRows(found: FoundReading, where: string, seen: string, timeZone: string | undefined): string[][] {
  return (found.reading.codex?.windows ?? []).map((window) => {
    const resetsAt = knownTime(window.resetsAt);
    return [
      window.name,
      lengthOf(window.windowSeconds),
      `${window.usedPercent}%`,
      `${Math.round((100 - window.usedPercent) * 100) / 100}%`,
      resetsAt === null ? UNKNOWN : formatClock(resetsAt, timeZone),
      resetsAt === null ? UNKNOWN : formatClock(resetsAt, 'UTC'),
      where,
      seen,
    ];
  });
}

export const WINDOW_HEADINGS = ['CODEX WINDOW', 'LENGTH', 'USED', 'LEFT', 'RESETS (LOCAL)', 'RESETS (UTC)', 'FROM', 'SEEN'];

/** "credits: 12.5 (has credits: yes, unlimited: no)", or nothing when the body had none. */
export function creditsLine(found: FoundReading): string | null {
  const credits = found.reading.codex?.credits;
  if (!credits) return null;
  const flag = (value: boolean | null) => (value === null ? UNKNOWN : value ? 'yes' : 'no');
  return `credits: ${credits.balance ?? UNKNOWN} (has credits: ${flag(credits.hasCredits)}, unlimited: ${flag(credits.unlimited)})`;
}
