import { activateAccount, applyCooldown, applyPlan, applyReading } from '../../lib/apply-reading';
import { readingFromFinding } from '../../lib/finding-readings';
import { DEFAULT_ACCOUNT, type QuotaState } from '../../lib/quota-state';
import { relayMessageSchema } from '../../lib/runtime-messages';
import { logDiagnostic } from '../../lib/extension/diagnostics-log';
import { updateQuotaState } from '../../lib/extension/quota-store';

/**
 * What the background does with a relay message: validate it again, turn it into a state change,
 * store the result. Returns the new state when something changed, else null.
 */
export async function handleRelayMessage(message: unknown, now: number): Promise<QuotaState | null> {
  const parsed = relayMessageSchema.safeParse(message);
  if (!parsed.success) {
    await logDiagnostic('background', 'malformed relay message', now);
    return null;
  }
  const relayed = parsed.data;
  if (relayed.type === 'page-active') {
    const account = relayed.account;
    return account === null ? null : updateQuotaState((state) => activateAccount(state, account));
  }
  const { finding } = relayed;
  const account = relayed.account ?? DEFAULT_ACCOUNT;
  switch (finding.kind) {
    case 'ignored':
      await logDiagnostic(finding.carrier, finding.reason, now);
      return null;
    case 'account':
      return updateQuotaState((state) => activateAccount(state, account));
    case 'plan':
      return updateQuotaState((state) => applyPlan(state, account, finding.plan));
    case 'cooldown':
      return updateQuotaState((state) => applyCooldown(state, account, finding.feature, now + finding.cooldownMs, now));
    default: {
      const result = readingFromFinding(finding, now);
      if (result === null) return null;
      if (!result.ok) {
        await logDiagnostic(finding.carrier, `reading rejected: ${result.error}`, now);
        return null;
      }
      return updateQuotaState((state) => applyReading(state, result.reading, account));
    }
  }
}
