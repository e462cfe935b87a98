import type { CodexReading, CodexUsage, CodexWindow } from './codex-usage';
import { MAX_CODEX_WINDOWS, MAX_WINDOW_SAMPLES, type CodexState, type CodexWindowState, type WindowSample } from './codex-state';
import { DEFAULT_ACCOUNT, type AccountState, type QuotaState } from './quota-state';
import { NO_HISTORY, mergeUnknownFields, updateAccount, type HistoryDays } from './apply-reading';

/**
 * Folds a Codex usage reading into an account: the Codex reducer, apart from the quota one. Pure.
 * The body states every window at once, so its list replaces the known one; the uses seen within
 * one window are kept for the run-out forecast. Windows are matched by name, which is their limit
 * and length (lib/core/codex-usage.ts windowName), so a window that changes slot keeps its uses and
 * no sample crosses from one window to another. The ChatGPT quotas and their freshness
 * (lastReading) are not touched: a Codex page says nothing of them.
 */

/** Two readings of one window may differ a little in reset time (a rolling window); a new one is hours away. */
const SAME_WINDOW_TOLERANCE_MS = 10 * 60_000;

function isSameWindow(previous: CodexWindowState, window: CodexWindow, now: number): boolean {
  if (previous.resetsAt !== null && previous.resetsAt <= now) return false;
  if (previous.resetsAt === null || window.resetsAt === null) return window.usedPercent >= previous.usedPercent;
  return Math.abs(previous.resetsAt - window.resetsAt) <= SAME_WINDOW_TOLERANCE_MS;
}

function samplesOf(previous: CodexWindowState | undefined, window: CodexWindow, now: number): WindowSample[] {
  const earlier = previous !== undefined && isSameWindow(previous, window, now) ? previous.samples : [];
  const last = earlier.at(-1);
  // A reading that repeats the last share adds nothing to a pace; its time is in seenAt.
  if (last !== undefined && last.usedPercent === window.usedPercent) return earlier;
  return [...earlier, { at: now, usedPercent: window.usedPercent }].slice(-MAX_WINDOW_SAMPLES);
}

function nextWindowState(previous: CodexWindowState | undefined, window: CodexWindow, now: number): CodexWindowState {
  return { ...window, seenAt: now, samples: samplesOf(previous, window, now) };
}

function applyCodexUsageToAccount(account: AccountState, usage: CodexUsage, now: number): AccountState {
  const known = account.codex?.windows ?? [];
  const windows: CodexWindowState[] = [];
  for (const window of usage.windows) {
    // A name given twice keeps its first window, as a feature listed twice keeps its first count.
    if (windows.some((entry) => entry.name === window.name) || windows.length >= MAX_CODEX_WINDOWS) continue;
    windows.push(
      nextWindowState(
        known.find((entry) => entry.name === window.name),
        window,
        now,
      ),
    );
  }
  const codex: CodexState = { windows, credits: usage.credits, resetCredits: usage.resetCredits, seenAt: now };
  return { ...account, codex, plan: usage.plan ?? account.plan };
}

/** The Codex reducer: a reading of /backend-api/wham/usage folded into its account, which becomes the active one. */
export function applyCodexReading(
  state: QuotaState,
  reading: CodexReading,
  accountId: string = DEFAULT_ACCOUNT,
  historyDays: HistoryDays = NO_HISTORY,
): QuotaState {
  return updateAccount(
    state,
    accountId,
    (account) => ({
      ...applyCodexUsageToAccount(account, reading.usage, reading.receivedAt),
      unknownFields: mergeUnknownFields(
        account.unknownFields,
        reading.unknownFields.map((name) => `wham/usage ${name}`),
      ),
    }),
    true,
    historyDays,
  );
}
