import { blockedNamesOf, knownTime, type FoundReading } from './found-reading';
import type { ReadingSource } from '../core/quota-types';

/**
 * The machine view of one reading: one JSON object per line on stdout. Only fields of the parsed
 * Reading are copied, so nothing of the capture's raw text (tokens, cookies, messages) can reach
 * it. Times are ISO 8601 in UTC; null means unknown. A list the reading did not carry is empty.
 */

interface ReadingJson {
  source: ReadingSource;
  file: string;
  at: string | null;
  features: { name: string; remaining: number; resetsAt: string | null; blocked: boolean }[];
  blocked: { name: string; resetsAt: string | null; description: string | null }[];
  modelLimits: { model: string; fallback: string | null; resetsAt: string | null }[];
  defaultModel: string | null;
  /** A turn's reading: the model that answered the turn; null when none was named or the reading is not a turn's. */
  model: string | null;
  /** Codex's windows (a /backend-api/wham/usage body); usedPercent 0 to 100. */
  windows: { name: string; usedPercent: number; resetsAt: string | null; windowSeconds: number | null }[];
}

function isoOf(time: number | null): string | null {
  const known = knownTime(time);
  return known === null ? null : new Date(known).toISOString();
}

export function readingJson(file: string, found: FoundReading): ReadingJson {
  const { reading } = found;
  const blockedNames = blockedNamesOf(reading);
  return {
    source: reading.source,
    file,
    at: isoOf(found.at),
    features: (reading.features ?? []).map((feature) => ({
      name: feature.name,
      remaining: feature.remaining,
      resetsAt: isoOf(feature.resetsAt),
      blocked: blockedNames.has(feature.name),
    })),
    blocked: (reading.blocked ?? []).map((block) => ({
      name: block.name,
      resetsAt: isoOf(block.resetsAt),
      description: block.description,
    })),
    modelLimits: (reading.modelLimits ?? []).map((limit) => ({
      model: limit.model,
      fallback: limit.fallback,
      resetsAt: isoOf(limit.resetsAt),
    })),
    defaultModel: reading.defaultModel,
    model: found.model ?? null,
    windows: (reading.codex?.windows ?? []).map((window) => ({
      name: window.name,
      usedPercent: window.usedPercent,
      resetsAt: isoOf(window.resetsAt),
      windowSeconds: window.windowSeconds,
    })),
  };
}
