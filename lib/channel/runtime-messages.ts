import { z } from 'zod/mini';
import { integer } from '../core/schema-parts';
import { accountKeySchema, findingSchema } from './page-message-schema';

/**
 * How long the relay held a message back under its rate limit (lib/channel/paced-sender.ts). Its
 * timer runs late in a hidden tab (Chrome runs them once a minute there), so the bound is loose.
 */
export const MAX_HELD_MS = 600_000;
const heldMs = z.optional(integer(0, MAX_HELD_MS));

/**
 * The relay -> background channel (runtime messages). The background accepts these only from
 * its own content scripts on chatgpt.com and validates them again: a compromised or confused
 * relay must not be able to write anything but a valid reading.
 */

export const relayMessageSchema = z.discriminatedUnion('type', [
  /** Something the page received (a finding), for the account it belongs to. */
  z.object({ type: z.literal('page-finding'), finding: findingSchema, account: accountKeySchema, heldMs }),
  /** The tab became the one the user looks at: the badge follows its account. */
  z.object({ type: z.literal('page-active'), account: accountKeySchema, heldMs }),
]);
