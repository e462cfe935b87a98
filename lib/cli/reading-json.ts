import { blockedNamesOf, codexOf, knownTime, quotaOf, type FoundReading } from './found-reading';
import type { ReadingSource } from '../core/quota-types';
import { memoryPercentFull, type MemoryUsage } from '../core/memory-usage';

/**
 * The machine view of one reading: one JSON object per line on stdout. Only fields of the parsed
 * reading are copied, so nothing of the capture's raw text (tokens, cookies, messages, memories)
 * can reach it. Times are ISO 8601 in UTC; null means unknown. A list the reading did not carry is
 * empty; an object it did not carry is null.
 */

interface ReadingJson {
  source: ReadingSource | 'memory';
  file: string;
  at: string | null;
  features: { name: string; remaining: number; resetsAt: string | null; blocked: boolean }[];
  blocked: { name: string; resetsAt: string | null; description: string | null }[];
  modelLimits: { model: string; fallback: string | null; resetsAt: string | null }[];
  defaultModel: string | null;
  /** A turn's reading: the model that answered the turn; null when none was named or the reading is not a turn's. */
  model: string | null;
  /**
   * Codex's windows (a /backend-api/wham/usage body); usedPercent 0 to 100; limit `main`,
   * `code_review` or `model-<slug>`, with the model's name as the server gives it (cleaned);
   * reached: the server says the limit is hit, whatever the share.
   */
  windows: {
    name: string;
    limit: string;
    limitName: string | null;
    usedPercent: number;
    reached: boolean;
    resetsAt: string | null;
    windowSeconds: number | null;
  }[];
  /** Codex's reset credits: how many, and when the unused ones expire (soonest first). */
  resetCredits: { available: number | null; expiresAt: string[] } | null;
  /** How full memory is (a /backend-api/memories body); percentFull null when the maximum is unknown. */
  memory: (MemoryUsage & { percentFull: number | null }) | null;
}

function isoOf(time: number | null): string | null {
  const known = knownTime(time);
  return known === null ? null : new Date(known).toISOString();
}

export function readingJson(file: string, found: FoundReading): ReadingJson {
  const { reading } = found;
  const quota = quotaOf(reading);
  const codex = codexOf(reading);
  const blockedNames = blockedNamesOf(reading);
  return {
    source: reading.source,
    file,
    at: isoOf(found.at),
    features: (quota?.features ?? []).map((feature) => ({
      name: feature.name,
      remaining: feature.remaining,
      resetsAt: isoOf(feature.resetsAt),
      blocked: blockedNames.has(feature.name),
    })),
    blocked: (quota?.blocked ?? []).map((block) => ({
      name: block.name,
      resetsAt: isoOf(block.resetsAt),
      description: block.description,
    })),
    modelLimits: (quota?.modelLimits ?? []).map((limit) => ({
      model: limit.model,
      fallback: limit.fallback,
      resetsAt: isoOf(limit.resetsAt),
    })),
    defaultModel: quota?.defaultModel ?? null,
    model: found.model ?? null,
    windows: (codex?.windows ?? []).map((window) => ({
      name: window.name,
      limit: window.limit,
      limitName: window.model,
      usedPercent: window.usedPercent,
      reached: window.reached,
      resetsAt: isoOf(window.resetsAt),
      windowSeconds: window.windowSeconds,
    })),
    resetCredits: codex?.resetCredits
      ? { available: codex.resetCredits.available, expiresAt: codex.resetCredits.expiries.flatMap((time) => isoOf(time) ?? []) }
      : null,
    memory: reading.source === 'memory' ? { ...reading.memory, percentFull: memoryPercentFull(reading.memory) } : null,
  };
}
