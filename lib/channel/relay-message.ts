import { ACCOUNT_KEY_PATTERN } from '../page/account-key';
import { pickQuotaFields } from '../page/quota-fields';
import { MAX_MESSAGE_CHARS, messageChars } from './message-bounds';

/**
 * The relay's cheap structural check of what arrives on the page channel: a plain object, a known
 * kind and carrier, an account key or null, each kind's own fields copied (nothing else), the
 * quota object picked to its quota fields (a Codex usage body only checked to be an object), and a size cap. No zod here, to keep the script that
 * runs on every chatgpt.com page small: values (ranges, lengths, names) are the background's to
 * validate, in full, with the schemas (lib/channel/runtime-messages.ts).
 */

/** What the relay sends on: shaped like a RelayMessage, not yet validated. */
type UncheckedRelayMessage =
  | { type: 'page-finding'; finding: Record<string, unknown> & { kind: string; carrier: string }; account: string | null }
  | { type: 'page-active'; account: string };

const CARRIERS = new Set(['init', 'stream', 'resume', 'codex-usage', 'websocket', 'account']);
/** Each kind's own fields besides kind and carrier. */
const FIELDS_BY_KIND: Record<string, readonly string[]> = {
  quota: ['quota'],
  'codex-usage': ['usage'],
  refusal: ['feature', 'resetsInMs'],
  cooldown: ['feature', 'cooldownMs'],
  'model-cap': ['clearsInMs'],
  plan: ['plan'],
  'turn-model': ['model', 'auto', 'turn'],
  account: [],
  ignored: ['reason'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAccountKey(value: unknown): value is string {
  return typeof value === 'string' && value.length === 21 && ACCOUNT_KEY_PATTERN.test(value);
}

function findingOf(data: Record<string, unknown>): (Record<string, unknown> & { kind: string; carrier: string }) | null {
  const { kind, carrier } = data;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELDS_BY_KIND, kind) || typeof carrier !== 'string' || !CARRIERS.has(carrier))
    return null;
  const finding: Record<string, unknown> & { kind: string; carrier: string } = { kind, carrier };
  for (const field of FIELDS_BY_KIND[kind] ?? []) {
    if (!Object.hasOwn(data, field)) return null;
    finding[field] = data[field];
  }
  // The interceptor picked it to its Codex fields and the background picks it again before keeping
  // anything; picking a third time here would cost every chatgpt.com page the picker's bytes (the
  // page budget in test/meta/built-content-scripts.test.ts), so the relay checks its shape only.
  if (kind === 'codex-usage') return isRecord(data.usage) ? finding : null;
  if (kind !== 'quota') return finding;
  const quota = pickQuotaFields(data.quota);
  return quota ? { ...finding, quota: { ...quota } } : null;
}

/** The message to send on for one page-channel message, or null when it is not one of ours. */
export function relayMessageOf(data: unknown): UncheckedRelayMessage | null {
  if (!isRecord(data) || !Object.hasOwn(data, 'account')) return null;
  const { account } = data;
  if (account !== null && !isAccountKey(account)) return null;
  const finding = findingOf(data);
  if (finding === null) return null;
  const message: UncheckedRelayMessage = { type: 'page-finding', finding, account };
  return messageChars(message) > MAX_MESSAGE_CHARS ? null : message;
}
