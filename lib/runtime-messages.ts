import { z } from 'zod';
import { pageCarrierSchema } from './page-message-schema';

/**
 * The relay -> background channel (runtime messages). The background accepts these only from
 * its own content scripts on chatgpt.com and validates them again: a compromised or confused
 * relay must not be able to write anything but a valid reading.
 */

export const relayMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('page-quota'),
    carrier: pageCarrierSchema,
    quota: z.record(z.string(), z.unknown()),
  }),
  z.object({
    type: z.literal('page-ignored'),
    carrier: pageCarrierSchema,
    reason: z.string().max(200),
  }),
]);

export type RelayMessage = z.infer<typeof relayMessageSchema>;
