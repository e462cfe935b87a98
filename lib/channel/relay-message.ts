import { ACCOUNT_KEY_PATTERN } from '../page/account-key';
import { isRecord } from '../page/json-record';
import { PAGE_CARRIERS, PAGE_FINDING_FIELDS, type PageCarrier, type PageFindingKind } from '../page/page-message';
import { pickQuotaFields } from '../page/quota-fields';
import { MAX_MESSAGE_CHARS, messageChars } from './message-bounds';

/**
 * The relay's cheap structural check of what arrives on the page channel: a plain object, a known
 * kind and carrier, an account key or null, each kind's own fields copied (nothing else), the
 * quota object picked to its quota fields (a Codex usage body only checked to be an object), and
 * a size cap. Kinds, carriers and fields are the page message's own table (lib/page/page-message.ts).
 * No zod here, to keep the script that runs on every chatgpt.com page small: values (ranges,
 * lengths, names) are the background's to validate, in full, with the schemas
 * (lib/channel/runtime-messages.ts).
 */

/** A finding the relay lets through: a known kind and carrier, its own fields not yet validated. */
type UncheckedFinding = Record<string, unknown> & { kind: PageFindingKind; carrier: PageCarrier };

/** What the relay sends on: shaped like a RelayMessage, not yet validated. */
type UncheckedRelayMessage =
  { type: 'page-finding'; finding: UncheckedFinding; account: string | null } | { type: 'page-active'; account: string };

const isKind = (kind: unknown): kind is PageFindingKind => typeof kind === 'string' && Object.hasOwn(PAGE_FINDING_FIELDS, kind);
const isCarrier = (carrier: unknown): carrier is PageCarrier => (PAGE_CARRIERS as readonly unknown[]).includes(carrier);

function findingOf(data: Record<string, unknown>): UncheckedFinding | null {
  const { kind, carrier } = data;
  if (!isKind(kind) || !isCarrier(carrier)) return null;
  const finding: UncheckedFinding = { kind, carrier };
  for (const field of PAGE_FINDING_FIELDS[kind]) {
    if (!Object.hasOwn(data, field)) return null;
    finding[field] = data[field];
  }
  // The interceptor picked it to its Codex fields and the background picks it again before keeping
  // anything; picking a third time here would cost every chatgpt.com page the picker's bytes (the
  // page budget in test/meta/built-content-scripts.test.ts), so the relay checks its shape only.
  if (kind === 'codex-usage') return isRecord(data.usage) ? finding : null;
  if (kind === 'memory') return isRecord(data.memory) ? finding : null;
  if (kind !== 'quota') return finding;
  // A fresh object, holding only quota fields.
  const quota = pickQuotaFields(data.quota);
  return quota ? { ...finding, quota } : null;
}

/** The message to send on for one page-channel message, or null when it is not one of ours. */
export function relayMessageOf(data: unknown): UncheckedRelayMessage | null {
  if (!isRecord(data) || !Object.hasOwn(data, 'account')) return null;
  const { account } = data;
  // The pattern is anchored: a string it matches is exactly an account key.
  if (account !== null && !(typeof account === 'string' && ACCOUNT_KEY_PATTERN.test(account))) return null;
  const finding = findingOf(data);
  if (finding === null) return null;
  const message: UncheckedRelayMessage = { type: 'page-finding', finding, account };
  return messageChars(message) > MAX_MESSAGE_CHARS ? null : message;
}
