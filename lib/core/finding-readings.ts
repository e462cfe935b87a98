import { parseCodexUsage } from './parse-codex-usage';
import { readingFromPickedQuota, type ParseResult } from './parse-quota-object';
import { MODEL_CAP_FEATURE, type Reading, type ReadingSource } from './quota-types';
import type { PageCarrier, PageFinding } from '../page/page-message';

/**
 * Turns a validated finding from the page into a Reading, or null for findings that are not
 * readings (plan, account, cooldown, ignored): those change state by other paths.
 */

/**
 * A page finding (lib/page/page-message.ts) as the background holds it once its own fields are
 * validated: the quota object and the Codex body are parsed here, so they may be any value yet.
 */
type Finding = PageFinding extends infer F ? (F extends { quota: unknown } | { usage: unknown } ? Unparsed<F> : F) : never;
type Unparsed<F> = { [P in keyof F]: P extends 'quota' | 'usage' ? unknown : F[P] };

const QUOTA_SOURCES: Record<PageCarrier, ReadingSource | null> = {
  init: 'init',
  stream: 'stream',
  resume: 'resume',
  websocket: 'websocket',
  'codex-usage': null,
  account: null,
};

export { MODEL_CAP_FEATURE } from './quota-types';

function partialReading(source: ReadingSource, receivedAt: number, fields: Partial<Reading>): Reading {
  return { source, receivedAt, features: null, blocked: null, modelLimits: null, defaultModel: null, unknownFields: [], ...fields };
}

export function readingFromFinding(finding: Finding, receivedAt: number): ParseResult | null {
  switch (finding.kind) {
    case 'quota': {
      const source = QUOTA_SOURCES[finding.carrier];
      if (source === null) return { ok: false, error: `quota from ${finding.carrier}` };
      return readingFromPickedQuota(finding.quota, { source, receivedAt });
    }
    case 'codex-usage': {
      if (finding.carrier !== 'codex-usage') return { ok: false, error: `Codex usage from ${finding.carrier}` };
      const parsed = parseCodexUsage(finding.usage);
      if (!parsed.ok) return parsed;
      return { ok: true, reading: partialReading('codex', receivedAt, { codex: parsed.usage, unknownFields: parsed.unknownFields }) };
    }
    case 'refusal': {
      // The image tool refused: exhausted now, whatever the last reading said.
      const resetsAt = finding.resetsInMs === null ? null : receivedAt + finding.resetsInMs;
      const features = [{ name: finding.feature, remaining: 0, resetsAt, resetEstimated: true }];
      return { ok: true, reading: partialReading('refusal', receivedAt, { features }) };
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
      return { ok: true, reading: partialReading('http429', receivedAt, { blocked }) };
    }
    default:
      return null;
  }
}
