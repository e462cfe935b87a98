import { z } from 'zod/mini';
import { accountKeySchema, findingSchema } from './page-message-schema';

/**
 * The relay -> background channel (runtime messages). The background accepts these only from
 * its own content scripts on chatgpt.com and validates them again: a compromised or confused
 * relay must not be able to write anything but a valid reading.
 */

export const relayMessageSchema = z.discriminatedUnion('type', [
  /** Something the page received (a finding), for the account it belongs to. */
  z.object({ type: z.literal('page-finding'), finding: findingSchema, account: accountKeySchema }),
  /** The tab became the one the user looks at: the badge follows its account. */
  z.object({ type: z.literal('page-active'), account: accountKeySchema }),
]);
