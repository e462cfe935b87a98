import { z } from 'zod/mini';
import { MAX_MEMORY_TOKENS, type MemoryReading } from './memory-usage';
import { integer } from './schema-parts';

/**
 * What the background keeps of memory, per account (quotaState.accounts[id].memory): the two
 * counts and when they were read. Null until the page loaded its memories; never any memory itself.
 */

export const memoryStateSchema = z.object({
  usedTokens: z.nullable(integer(0, MAX_MEMORY_TOKENS)),
  maxTokens: z.nullable(integer(1, MAX_MEMORY_TOKENS)),
  /** When the memories body was read: nothing asks for a newer one, so its age is shown. */
  seenAt: integer(0),
});

export type MemoryState = z.infer<typeof memoryStateSchema>;

/** The memory reading as the account's memory state: the latest body says all there is. */
export function memoryStateOf(reading: MemoryReading): MemoryState {
  return { ...reading.memory, seenAt: reading.receivedAt };
}
