import {
  activateAccount,
  applyCooldown,
  applyMemoryReading,
  applyPlan,
  applyReading,
  type HistoryDays,
} from '../../lib/core/apply-reading';
import { applyCodexReading } from '../../lib/core/apply-codex-usage';
import { readingFromFinding, type FindingReading } from '../../lib/core/finding-readings';
import type { Finding } from '../../lib/channel/page-message-schema';
import { pickCodexUsage } from '../../lib/page/codex-usage-fields';
import { pickQuotaFields } from '../../lib/page/quota-fields';
import { DEFAULT_ACCOUNT, type AccountState, type QuotaState } from '../../lib/core/quota-state';
import type { Reading } from '../../lib/core/quota-types';
import { relayMessageSchema } from '../../lib/channel/runtime-messages';
import { historyDays, localDayOf, recordUses, usesBetween } from '../../lib/core/usage-history';
import { logDiagnostic } from '../../lib/extension/diagnostics-log';
import { historyStore } from '../../lib/extension/history-store';
import { isKeepableFinding, lastFindingsStore } from '../../lib/extension/last-findings-store';
import { quotaStore } from '../../lib/extension/quota-store';
import { MAX_MESSAGE_CHARS, messageChars } from '../../lib/channel/message-bounds';
import { recordCapsSeen, recordTurn } from '../../lib/core/model-counts';
import { modelCountStore } from '../../lib/extension/model-count-store';
import { admitAccount, tabKnowsAccount, type TabAccounts } from '../../lib/core/tab-accounts';

/** Messages without a sender tab (tests) count as one tab. */
const NO_TAB = -1;

/**
 * What the background does with a relay message: validate it again, turn it into a state change,
 * store the result. Returns the new state and its account when something changed, else null.
 */

export interface Handled {
  state: QuotaState;
  account: string;
}

async function recordHistory(
  previous: AccountState | undefined,
  next: AccountState | undefined,
  accountId: string,
  reading: Reading,
): Promise<void> {
  if (next === undefined) return;
  const day = localDayOf(reading.receivedAt, new Date(reading.receivedAt).getTimezoneOffset());
  const uses = (reading.features ?? []).map((feature) => {
    const after = next.features[feature.name];
    return { name: feature.name, count: after ? usesBetween(previous?.features[feature.name], after) : 0 };
  });
  if (uses.every(({ count }) => count === 0)) return;
  await historyStore.update((history) =>
    uses.reduce((current, { name, count }) => recordUses(current, accountId, name, count, day), history),
  );
}

/** Keeps the last valid finding of each kind and carrier (quota fields only) for the diagnostics view. */
function rememberFinding(finding: Finding, now: number): Promise<unknown> {
  const slot = finding.kind === 'quota' ? finding.carrier : finding.kind;
  // The message schema lets any field through inside `quota` and `usage` (the parsers drop them):
  // picked again here, so that only quota fields are ever stored, whatever the relay sent.
  const kept =
    finding.kind === 'quota'
      ? { ...finding, quota: { ...pickQuotaFields(finding.quota) } }
      : finding.kind === 'codex-usage'
        ? { ...finding, usage: { ...pickCodexUsage(finding.usage) } }
        : finding;
  // The store reads back only findings up to its bound: a larger one would void every slot.
  if (!isKeepableFinding(kept)) return Promise.resolve();
  return lastFindingsStore.update((last) => ({ ...last, [slot]: { at: now, finding: kept } }));
}

/** Each kind of reading goes to its own reducer. */
/** Each kind of reading to its own reducer; `historyDays` ranks the accounts kept (lib/core/account-eviction.ts). */
function applyOne(state: QuotaState, found: FindingReading, account: string, historyDays: HistoryDays): QuotaState {
  if (found.kind === 'codex') return applyCodexReading(state, found.reading, account, historyDays);
  if (found.kind === 'memory') return applyMemoryReading(state, found.reading, account, historyDays);
  return applyReading(state, found.reading, account, historyDays);
}

async function applyFindingReading(finding: Finding, account: string, now: number): Promise<QuotaState | null> {
  const result = readingFromFinding(finding, now);
  if (result === null) return null;
  if (!result.ok) {
    await logDiagnostic(finding.carrier, 'reading rejected', now);
    return null;
  }
  let previous: AccountState | undefined;
  const history = await historyStore.get();
  const daysOf = (id: string) => historyDays(history, id);
  const state = await quotaStore.update((current) => {
    previous = current.accounts[account];
    return applyOne(current, result, account, daysOf);
  });
  if (result.kind === 'quota') {
    await recordHistory(previous, state.accounts[account], account, result.reading);
    const capped = result.reading.modelLimits ?? [];
    if (capped.length > 0) await modelCountStore.update((counts) => recordCapsSeen(counts, account, capped, now));
  }
  return state;
}

async function applyFinding(finding: Finding, account: string, now: number): Promise<QuotaState | null> {
  switch (finding.kind) {
    case 'ignored':
      await logDiagnostic(finding.carrier, finding.reason, now);
      return null;
    case 'account':
      return quotaStore.update((state) => activateAccount(state, account));
    case 'plan':
      return quotaStore.update((state) => applyPlan(state, account, finding.plan));
    case 'turn-model': {
      // Counted in its own store. The state comes back only when the count changed, so that the badge
      // and the notices of a capped model follow (a resumed or replayed turn changes nothing).
      let counted = false;
      await modelCountStore.update((counts) => {
        const next = recordTurn(counts, account, finding.model, finding.turn, now, finding.auto);
        counted = next !== counts;
        return next;
      });
      return counted ? quotaStore.get() : null;
    }
    case 'cooldown':
      return quotaStore.update((state) => applyCooldown(state, account, finding.feature, now + finding.cooldownMs, now));
    default:
      return applyFindingReading(finding, account, now);
  }
}

/** The tab became the active one: nothing to do (no write, no repaint) unless its account is not the active one. */
async function handlePageActive(account: string | null, tab: number): Promise<Handled | null> {
  if (account === null || !tabKnowsAccount(tabAccounts, tab, account)) return null;
  let changed = false;
  const state = await quotaStore.update((current) => {
    const next = activateAccount(current, account);
    changed = next !== current;
    return next;
  });
  return changed ? { state, account } : null;
}

/** The accounts each tab reported (lib/core/tab-accounts.ts); in memory: a restarted worker admits them again. */
const tabAccounts: TabAccounts = new Map();

/** A closed tab's accounts are forgotten (browser.tabs.onRemoved). */
export function forgetTab(tab: number): void {
  tabAccounts.delete(tab);
}

/**
 * Handles one message of the relay in `tab` (the sender's tab id): a tab's findings move only the
 * accounts that tab reported, and it may bring new ones only at a bounded rate.
 */
export async function handleRelayMessage(message: unknown, now: number, tab: number = NO_TAB): Promise<Handled | null> {
  // The relay caps sizes too, but a confused or compromised relay must not make every write huge.
  if (messageChars(message) > MAX_MESSAGE_CHARS) {
    await logDiagnostic('background', 'message too large', now);
    return null;
  }
  const parsed = relayMessageSchema.safeParse(message);
  if (!parsed.success) {
    await logDiagnostic('background', 'malformed relay message', now);
    return null;
  }
  const relayed = parsed.data;
  if (relayed.type === 'page-active') return handlePageActive(relayed.account, tab);
  const account = relayed.account ?? DEFAULT_ACCOUNT;
  if (!admitAccount(tabAccounts, tab, account, now)) {
    await logDiagnostic('background', 'too many new accounts', now);
    return null;
  }
  // Dated when the page received it: the relay says how long its rate limit held it back.
  const receivedAt = now - (relayed.heldMs ?? 0);
  const state = await applyFinding(relayed.finding, account, receivedAt);
  // A turn's model is counted, not a reading to show in the diagnostics (its turn key stays in the count store only).
  if (state !== null && relayed.finding.kind !== 'account' && relayed.finding.kind !== 'turn-model')
    await rememberFinding(relayed.finding, receivedAt);
  return state === null ? null : { state, account };
}
