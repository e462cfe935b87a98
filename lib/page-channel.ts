import type { PickedQuota } from './quota-fields';
import type { FetchCarrier } from './quota-endpoints';

/**
 * The page -> relay channel: window.postMessage from the MAIN-world script to the isolated relay.
 * Hostile by nature: any page script can post the same shape, so the relay validates every
 * message (lib/page-message-schema.ts) and the background validates again.
 */

export const PAGE_CHANNEL = 'quota-meter:page';
export const PAGE_CHANNEL_VERSION = 1;

export type PageCarrier = FetchCarrier | 'websocket';

/** A quota object found in a response, reduced to its quota fields. */
export interface PageQuotaFinding {
  kind: 'quota';
  carrier: PageCarrier;
  quota: PickedQuota;
}

/** A response that looked like a carrier but was not read, and why (for diagnostics only). */
export interface PageIgnoredFinding {
  kind: 'ignored';
  carrier: PageCarrier;
  reason: string;
}

export type PageFinding = PageQuotaFinding | PageIgnoredFinding;

export type PageMessage = PageFinding & { channel: typeof PAGE_CHANNEL; version: typeof PAGE_CHANNEL_VERSION };
