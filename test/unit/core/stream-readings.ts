import { findingFromEventData } from '../../../lib/page/page-findings';
import { readingFromPickedQuota, type ParseResult } from '../../../lib/core/parse-quota-object';
import type { QuotaReadingSource } from '../../../lib/core/quota-types';
import { createSseScanner, DEFAULT_MAX_EVENT_CHARS, EVERY_EVENT } from '../../../lib/page/sse-scanner';

/**
 * The SSE path of the extension, without the browser: bytes cut into chunks go through the
 * scanner, each event's data through the page's finding, the finding through the background's parser.
 */

/** Cuts `bytes` at the given offsets (sorted, inside the body). */
export function chunksAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const cuts = [0, ...offsets, bytes.length];
  return cuts.slice(1).map((end, index) => bytes.subarray(cuts[index], end));
}

/** A small deterministic generator, so that a failing random split can be replayed. */
export function randomOffsets(seed: number, length: number, count: number): () => number[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Array.from({ length: count }, () => Math.floor(next() * (length + 1))).sort((a, b) => a - b);
}

export function eventDataOf(chunks: Uint8Array[], maxEventChars: number = DEFAULT_MAX_EVENT_CHARS): string[] {
  const events: string[] = [];
  const scanner = createSseScanner((data) => events.push(data), maxEventChars, EVERY_EVENT);
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return events;
}

export function readingsFromStream(chunks: Uint8Array[], receivedAt: number, source: QuotaReadingSource = 'stream'): ParseResult[] {
  const carrier = source === 'resume' ? 'resume' : 'stream';
  return eventDataOf(chunks).flatMap((data) => {
    const finding = findingFromEventData(data, carrier);
    if (finding === null || finding.kind !== 'quota') return [];
    return [readingFromPickedQuota(finding.quota, { source, receivedAt })];
  });
}
