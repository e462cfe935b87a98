import type { PickedCodexUsage } from '../page/codex-usage-fields';
import type { PickedQuota } from '../page/quota-fields';
import type { FetchCarrier } from '../page/quota-endpoints';

/**
 * The page -> relay channel: window.postMessage from the MAIN-world script to the isolated relay.
 * Hostile by nature: any page script can post the same shape, so the relay validates every
 * message (lib/channel/page-message-schema.ts) and the background validates again.
 */

export const PAGE_CHANNEL = 'quota-meter:page';
export const PAGE_CHANNEL_VERSION = 1;

export type PageCarrier = FetchCarrier | 'websocket' | 'account';

/** A quota object found in a response, reduced to its quota fields. */
export interface PageQuotaFinding {
  kind: 'quota';
  carrier: PageCarrier;
  quota: PickedQuota;
}

/** Codex's limit windows and credits (/backend-api/wham/usage), reduced to their fields. */
interface PageCodexUsageFinding {
  kind: 'codex-usage';
  carrier: PageCarrier;
  usage: PickedCodexUsage;
}

/** The image tool refused inside a turn: exhausted now, reset delay when its text states one. */
export interface PageRefusalFinding {
  kind: 'refusal';
  carrier: PageCarrier;
  feature: 'image_gen';
  resetsInMs: number | null;
}

/** "You're generating images too quickly": a pause of about an hour, not an exhausted quota. */
export interface PageCooldownFinding {
  kind: 'cooldown';
  carrier: PageCarrier;
  feature: 'image_gen';
  cooldownMs: number;
}

/** The legacy HTTP 429 model_cap_exceeded answer, with its clears_in. */
export interface PageModelCapFinding {
  kind: 'model-cap';
  carrier: PageCarrier;
  clearsInMs: number;
}

/** The plan the page revealed (accounts/check, server_ste_metadata.plan_type). */
export interface PagePlanFinding {
  kind: 'plan';
  carrier: PageCarrier;
  plan: string;
}

/** The page learned which account it is signed in to (an opaque key, lib/page/account-key.ts). */
export interface PageAccountFinding {
  kind: 'account';
  carrier: PageCarrier;
}

/** A response that looked like a carrier but was not read, and why (for diagnostics only). */
export interface PageIgnoredFinding {
  kind: 'ignored';
  carrier: PageCarrier;
  reason: string;
}

export type PageFinding =
  | PageQuotaFinding
  | PageCodexUsageFinding
  | PageRefusalFinding
  | PageCooldownFinding
  | PageModelCapFinding
  | PagePlanFinding
  | PageAccountFinding
  | PageIgnoredFinding;
