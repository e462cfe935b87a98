import { findingFromCodexBody, findingFromInitBody, findingFromMemoryBody } from '../page/page-findings';
import type { PageFinding } from '../page/page-message';
import type { FetchCarrier } from '../page/quota-endpoints';
import { findingOf429 } from '../page/response-plan';
import { createSseScanner } from '../page/sse-scanner';
import { createTurnEventReader } from '../page/turn-events';

/**
 * The findings in a saved body, read by the extension's own readers: a turn's stream through the
 * SSE scanner and the turn event reader (CDM, image refusal or cooldown), an init body through
 * findingFromInitBody, the legacy 429 body through findingOf429 (lib/page/response-plan.ts).
 */

/** One reader per stream, as the extension has one per turn: whether it is an image turn is per turn. */
export function findingsOfStream(text: string, carrier: FetchCarrier): PageFinding[] {
  const findings: PageFinding[] = [];
  const scanner = createSseScanner(createTurnEventReader(carrier, (finding) => findings.push(finding)));
  scanner.pushText(text);
  scanner.end();
  return findings;
}

/**
 * A JSON file holds one of the bodies the extension reads: a quota object (the init body), a Codex
 * usage body (/backend-api/wham/usage), a memories body (/backend-api/memories), the legacy 429 body of a turn, or one event of a turn, such as
 * the tool messages in the fixtures (`{"message": ...}`).
 */
export function findingsOfJson(text: string, value: unknown): PageFinding[] {
  const init = findingFromInitBody(text);
  if (init.kind === 'quota') return [init];
  const codex = findingFromCodexBody(text);
  if (codex.kind === 'codex-usage') return [codex];
  const memory = findingFromMemoryBody(text);
  if (memory.kind === 'memory') return [memory];
  const modelCap = findingOf429(value, 'stream');
  if (modelCap.kind === 'model-cap') return [modelCap];
  const findings: PageFinding[] = [];
  createTurnEventReader('stream', (finding) => findings.push(finding))(text);
  return findings;
}
