import { z } from 'zod';
import { PAGE_CHANNEL, PAGE_CHANNEL_VERSION } from './page-channel';

/**
 * Validation of page -> relay messages. The quota object itself is picked again and validated
 * by lib/parse-quota-object.ts; here only the envelope is checked, with tight bounds, so that a
 * forged or absurd message is dropped before it costs anything.
 */

export const pageCarrierSchema = z.enum(['init', 'stream', 'resume', 'websocket']);

export const pageMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    channel: z.literal(PAGE_CHANNEL),
    version: z.literal(PAGE_CHANNEL_VERSION),
    kind: z.literal('quota'),
    carrier: pageCarrierSchema,
    quota: z.record(z.string(), z.unknown()),
  }),
  z.object({
    channel: z.literal(PAGE_CHANNEL),
    version: z.literal(PAGE_CHANNEL_VERSION),
    kind: z.literal('ignored'),
    carrier: pageCarrierSchema,
    reason: z.string().max(200),
  }),
]);

export type ValidPageMessage = z.infer<typeof pageMessageSchema>;

/** Cheap pre-check before zod: most window messages on chatgpt.com are not ours. */
export function isOnPageChannel(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === PAGE_CHANNEL;
}
