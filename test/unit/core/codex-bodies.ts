import { fixtureNames, fixtureText } from '../fixtures';
import { reading } from './readings';
import type { CodexUsage, CodexWindow } from '../../../lib/core/codex-usage';
import type { Reading } from '../../../lib/core/quota-types';

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

export function codexWindow(
  name: string,
  usedPercent: number,
  resetsAt: number | null,
  windowSeconds: number | null = 18_000,
): CodexWindow {
  return { name: `codex:${name}`, usedPercent, resetsAt, windowSeconds };
}

export function codexReading(at: number, usage: Partial<CodexUsage>): Reading {
  return reading(at, { source: 'codex', codex: { windows: [], credits: null, plan: null, ...usage } });
}
