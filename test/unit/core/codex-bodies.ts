import { fixtureNames, fixtureText } from '../fixtures';
import type { CodexCredits, CodexReading, CodexUsage, CodexWindow } from '../../../lib/core/codex-usage';

/**
 * The synthetic Codex usage bodies of test/fixtures/synthetic (built from the public description
 * of /backend-api/wham/usage, not captured: see test/fixtures/README.md), and builders for Codex readings.
 */

export function codexBodyNames(): string[] {
  return fixtureNames('synthetic').filter((name) => name.startsWith('codex-usage-'));
}

export function codexBodyText(name: string): string {
  return fixtureText('synthetic', name);
}

/** A window of the main limit (or code review's, by its name), not reached unless said. */
export function codexWindow(
  name: string,
  usedPercent: number,
  resetsAt: number | null,
  windowSeconds: number | null = 18_000,
  more: Partial<CodexWindow> = {},
): CodexWindow {
  const limit = name.startsWith('code_review') ? 'code_review' : 'main';
  return { name: `codex:${name}`, limit, model: null, usedPercent, resetsAt, windowSeconds, reached: false, ...more };
}

/** Credits with the fields a test names, the others not said. */
export function codexCredits(credits: Partial<CodexCredits>): CodexCredits {
  return {
    hasCredits: null,
    unlimited: null,
    balance: null,
    approxLocalMessages: null,
    approxCloudMessages: null,
    spendReached: null,
    ...credits,
  };
}

export function codexReading(at: number, usage: Partial<CodexUsage>): CodexReading {
  return {
    source: 'codex',
    receivedAt: at,
    usage: { windows: [], credits: null, resetCredits: null, plan: null, ...usage },
    unknownFields: [],
  };
}
