import type { PickedCodexUsage } from '../page/codex-usage-fields';
import type { PickedQuota } from '../page/quota-fields';
import type { FetchCarrier } from '../page/quota-endpoints';
import type { IgnoredReason } from '../page/ignored-reasons';

/**
 * The page -> relay channel: a MessagePort the MAIN-world script hands to the isolated relay
 * once, at document_start, before any page script runs (lib/channel/port-handover.ts). Page
 * scripts neither receive what goes through it nor can write into it; the relay still checks
 * each message's structure (lib/channel/relay-message.ts) and the background validates it in full.
 */

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

/** The model that answered a turn (lib/page/turn-model.ts): its slug, whether "auto" switched to reasoning, an opaque turn key. */
interface PageTurnModelFinding {
  kind: 'turn-model';
  carrier: PageCarrier;
  model: string;
  auto: boolean;
  turn: string | null;
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
  reason: IgnoredReason;
}

export type PageFinding =
  | PageQuotaFinding
  | PageCodexUsageFinding
  | PageRefusalFinding
  | PageCooldownFinding
  | PageModelCapFinding
  | PagePlanFinding
  | PageTurnModelFinding
  | PageAccountFinding
  | PageIgnoredFinding;
