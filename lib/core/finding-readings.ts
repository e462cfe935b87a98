import { parseCodexUsage } from './parse-codex-usage';
import { readingFromPickedQuota, type ParseResult } from './parse-quota-object';
import { MODEL_CAP_FEATURE, type QuotaReadingSource, type Reading } from './quota-types';
import type { CodexReading } from './codex-usage';
import { parseMemory, type MemoryReading } from './memory-usage';
import type { PageCarrier, PageFinding } from '../page/page-message';

/**
 * Turns a validated finding from the page into a reading of its kind, or null for findings that
 * are not readings (plan, account, cooldown, ignored): those change state by other paths. Each
 * kind has its own reducer: quota readings lib/core/apply-reading.ts, Codex readings
 * lib/core/apply-codex-usage.ts, memory readings applyMemoryReading.
 */

/**
 * A page finding (lib/page/page-message.ts) as the background holds it once its own fields are
 * validated: the quota object, the Codex body and memory's numbers are parsed here, so they may be
 * any value yet.
 */
type Finding = PageFinding extends infer F
  ? F extends { quota: unknown } | { usage: unknown } | { memory: unknown }
    ? Unparsed<F>
    : F
  : never;
type Unparsed<F> = { [P in keyof F]: P extends 'quota' | 'usage' | 'memory' ? unknown : F[P] };

export type FindingReading =
  { kind: 'quota'; reading: Reading } | { kind: 'codex'; reading: CodexReading } | { kind: 'memory'; reading: MemoryReading };
/** A finding made into a reading, or why not (a quota object's reason as the quota parser gives it). */
type FindingResult = ({ ok: true } & FindingReading) | Extract<ParseResult, { ok: false }>;

const QUOTA_SOURCES: Record<PageCarrier, QuotaReadingSource | null> = {
  init: 'init',
  stream: 'stream',
  resume: 'resume',
  websocket: 'websocket',
  'codex-usage': null,
  memories: null,
  account: null,
};

export { MODEL_CAP_FEATURE } from './quota-types';

function partialReading(source: QuotaReadingSource, receivedAt: number, fields: Partial<Reading>): Reading {
  return { source, receivedAt, features: null, blocked: null, modelLimits: null, defaultModel: null, unknownFields: [], ...fields };
}

export function readingFromFinding(finding: Finding, receivedAt: number): FindingResult | null {
  switch (finding.kind) {
    case 'quota': {
      const source = QUOTA_SOURCES[finding.carrier];
      if (source === null) return { ok: false, error: `quota from ${finding.carrier}` };
      const parsed = readingFromPickedQuota(finding.quota, { source, receivedAt });
      return parsed.ok ? { ok: true, kind: 'quota', reading: parsed.reading } : parsed;
    }
    case 'codex-usage': {
      if (finding.carrier !== 'codex-usage') return { ok: false, error: `Codex usage from ${finding.carrier}` };
      const parsed = parseCodexUsage(finding.usage);
      if (!parsed.ok) return parsed;
      return {
        ok: true,
        kind: 'codex',
        reading: { source: 'codex', receivedAt, usage: parsed.usage, unknownFields: parsed.unknownFields },
      };
    }
    case 'memory': {
      if (finding.carrier !== 'memories') return { ok: false, error: `memory from ${finding.carrier}` };
      const parsed = parseMemory(finding.memory);
      return parsed.ok ? { ok: true, kind: 'memory', reading: { source: 'memory', receivedAt, memory: parsed.memory } } : parsed;
    }
    case 'refusal': {
      // The image tool refused: exhausted now, whatever the last reading said.
      const resetsAt = finding.resetsInMs === null ? null : receivedAt + finding.resetsInMs;
      const features = [{ name: finding.feature, remaining: 0, resetsAt, resetEstimated: true }];
      return { ok: true, kind: 'quota', reading: partialReading('refusal', receivedAt, { features }) };
    }
    case 'model-cap': {
      const blocked = [
        {
          name: MODEL_CAP_FEATURE,
          resetsAt: receivedAt + finding.clearsInMs,
          resetsAfterText: null,
          limit: null,
          description: null,
          reason: 'model_cap_exceeded',
        },
      ];
      return { ok: true, kind: 'quota', reading: partialReading('http429', receivedAt, { blocked }) };
    }
    default:
      return null;
  }
}
