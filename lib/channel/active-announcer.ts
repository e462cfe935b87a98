/**
 * When the relay tells the background "this tab is the one the user looks at": only once the
 * page has named its account, and once per switch. Focus and visibilitychange both fire when the
 * user comes back to a tab, and a window may be focused again and again: one announcement per
 * account within `quietMs` is enough (the background ignores one that changes nothing anyway).
 */
interface ActiveAnnouncer {
  /** The account the page works for (from its account finding). */
  learn(account: string | null): void;
  /** The message to send for a trusted focus or visibility event now, or null. */
  announce(now: number): { type: 'page-active'; account: string } | null;
}

const ANNOUNCE_QUIET_MS = 1000;

export function createActiveAnnouncer(quietMs: number = ANNOUNCE_QUIET_MS): ActiveAnnouncer {
  let account: string | null = null;
  let last: { account: string; at: number } | null = null;
  return {
    learn(next) {
      account = next;
    },
    announce(now) {
      if (account === null) return null;
      if (last !== null && last.account === account && now - last.at < quietMs && now >= last.at) return null;
      last = { account, at: now };
      return { type: 'page-active', account };
    },
  };
}
