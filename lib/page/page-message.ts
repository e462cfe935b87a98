import type { PickedCodexUsage } from './codex-usage-fields';
import type { IgnoredReason } from './ignored-reasons';
import type { PickedQuota } from './quota-fields';
import type { PickedMemory } from './side-responses';

/**
 * The page message: what the MAIN-world script posts on the private port to the relay
 * (lib/channel/port-handover.ts), one finding and the account it belongs to, `{ account, ...finding }`.
 * Written once, here, by the code that produces it: the kinds, their carriers and each kind's own
 * fields. The type below is derived from the table; the relay copies exactly these fields
 * (lib/channel/relay-message.ts); the background's schema (lib/channel/page-message-schema.ts) is
 * held to the type by test/unit/meta/page-message.test.ts, a type test run by `npm run typecheck`.
 */

/** Where a finding was read: a fetch carrier (lib/page/quota-endpoints.ts), a socket frame, or the account check. */
export const PAGE_CARRIERS = ['init', 'stream', 'resume', 'codex-usage', 'memories', 'websocket', 'account'] as const;

/** Each kind of finding and its own fields, besides `kind` and `carrier`. */
export const PAGE_FINDING_FIELDS = {
  /** A quota object found in a response, reduced to its quota fields. */
  quota: ['quota'],
  /** Codex's limit windows and credits (/backend-api/wham/usage), reduced to their fields. */
  'codex-usage': ['usage'],
  /** How full memory is (/backend-api/memories): its two numbers, never a memory. */
  memory: ['memory'],
  /** The image tool refused inside a turn: exhausted now, reset delay when its text states one. */
  refusal: ['feature', 'resetsInMs'],
  /** "You're generating images too quickly": a pause of about an hour, not an exhausted quota. */
  cooldown: ['feature', 'cooldownMs'],
  /** The legacy HTTP 429 model_cap_exceeded answer, with its clears_in. */
  'model-cap': ['clearsInMs'],
  /** The plan the page revealed (accounts/check, server_ste_metadata.plan_type). */
  plan: ['plan'],
  /** The model that answered a turn (lib/page/turn-model.ts): its slug, whether "auto" switched to reasoning, an opaque turn key. */
  'turn-model': ['model', 'auto', 'turn'],
  /** The page learned which account it is signed in to (an opaque key, lib/page/account-key.ts). */
  account: [],
  /** A response that looked like a carrier but was not read, and why (for diagnostics only). */
  ignored: ['reason'],
} as const;

/** The type of each field the table names. */
interface PageFindingFieldTypes {
  quota: PickedQuota;
  usage: PickedCodexUsage;
  memory: PickedMemory;
  feature: 'image_gen';
  resetsInMs: number | null;
  cooldownMs: number;
  clearsInMs: number;
  plan: string;
  model: string;
  auto: boolean;
  turn: string | null;
  reason: IgnoredReason;
}

export type PageCarrier = (typeof PAGE_CARRIERS)[number];
export type PageFindingKind = keyof typeof PAGE_FINDING_FIELDS;

type FieldsOfKind<K extends PageFindingKind> = { [F in (typeof PAGE_FINDING_FIELDS)[K][number]]: PageFindingFieldTypes[F] };
/** Written out as one object type, so that editors show `{ kind, carrier, quota }` rather than an intersection. */
type Flat<T> = { [P in keyof T]: T[P] };

/** One finding: a union over the table's kinds. */
export type PageFinding = { [K in PageFindingKind]: Flat<{ kind: K; carrier: PageCarrier } & FieldsOfKind<K>> }[PageFindingKind];
