import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodexUsage, CodexWindow } from '../../../lib/core/codex-usage';
import type { Reading } from '../../../lib/core/quota-types';

/**
 * The synthetic Codex usage bodies of test/fixtures/synthetic (built from the public description
 * of /backend-api/wham/usage, not captured: see its README), and builders for Codex readings.
 */

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'synthetic');

export function codexBodyNames(): string[] {
  return readdirSync(folder).filter((name) => name.startsWith('codex-usage-')).sort();
}

export function codexBodyText(name: string): string {
  return readFileSync(path.join(folder, name), 'utf8');
}

export function codexWindow(name: string, usedPercent: number, resetsAt: number | null, windowSeconds: number | null = 18_000): CodexWindow {
  return { name: `codex:${name}`, usedPercent, resetsAt, windowSeconds };
}

export function codexReading(at: number, usage: Partial<CodexUsage>): Reading {
  return {
    source: 'codex',
    receivedAt: at,
    features: null,
    blocked: null,
    modelLimits: null,
    defaultModel: null,
    unknownFields: [],
    codex: { windows: [], credits: null, plan: null, ...usage },
  };
}
