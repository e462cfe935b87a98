/**
 * How full ChatGPT's memory is, as the memories body states it (`memory_num_tokens` of
 * `memory_max_tokens`; docs/protocol.md section 8). Pure, and parsed as tolerantly as the other
 * readers: a count of the wrong type or out of range is unknown, never a guess. Only these two
 * numbers ever leave the page (lib/page/side-responses.ts pickMemory).
 */

export interface MemoryUsage {
  usedTokens: number | null;
  /** Unknown (null) when the body does not say, or says 0: then no share is shown at all. */
  maxTokens: number | null;
}

/** A memories body read from the page: folded into state by its own reducer (lib/core/memory-state.ts). */
export interface MemoryReading {
  source: 'memory';
  receivedAt: number;
  memory: MemoryUsage;
}

/** Far more tokens than any memory holds; a larger count is not a count. */
export const MAX_MEMORY_TOKENS = 100_000_000;

function tokensOf(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 && number <= MAX_MEMORY_TOKENS ? Math.round(number) : null;
}

export function parseMemory(value: unknown): { ok: true; memory: MemoryUsage } | { ok: false; error: string } {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const usedTokens = tokensOf(record?.memory_num_tokens);
  const max = tokensOf(record?.memory_max_tokens);
  if (usedTokens === null && max === null) return { ok: false, error: 'no memory token counts' };
  return { ok: true, memory: { usedTokens, maxTokens: max === 0 ? null : max } };
}

/**
 * Whole percent full, or null when the maximum or the count is unknown: rounded, except that memory
 * not quite full never shows 100% and a little used never shows 0%. Over the maximum is 100%.
 */
export function memoryPercentFull(memory: MemoryUsage): number | null {
  if (memory.usedTokens === null || memory.maxTokens === null) return null;
  const full = (memory.usedTokens / memory.maxTokens) * 100;
  if (full >= 100) return 100;
  if (full <= 0) return 0;
  return Math.min(99, Math.max(1, Math.round(full)));
}
