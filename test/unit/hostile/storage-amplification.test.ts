import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRelayMessage } from '../../../entrypoints/background/finding-handler';
import { MAX_MESSAGE_CHARS, messageChars } from '../../../lib/channel/message-bounds';
import { MAX_OTHER_ACCOUNTS_CHARS } from '../../../lib/core/account-eviction';
import type { QuotaState } from '../../../lib/core/quota-state';
import { stored } from '../background/worker';

/**
 * Issue 13, finding 6: ten made-up accounts, each given the heaviest reading under the 32 KB
 * message cap, used to grow quotaState to about 591 KB, rewritten whole by every later small
 * reading. Then the accounts other than the active one were kept under a size, and a write that
 * changes nothing skipped: still about 35 KB rewritten per reading. Issue 23, finding 7: the values
 * with one entry per account or carrier are split into one key per entry
 * (lib/extension/split-storage.ts), so a reading writes what it changed. The figures printed here
 * are the ones docs quote.
 */

const NOW = Date.UTC(2026, 8, 15, 12);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The heaviest quota reading under the message cap: long names and texts, as many as fit. */
function heavyMessage(account: string, seed: number): unknown {
  const text = (length: number, label: string) => `${label}-${seed}-`.padEnd(length, 'x').slice(0, length);
  const at = new Date(NOW + 3_600_000).toISOString();
  const blocked: unknown[] = [];
  const message = {
    type: 'page-finding',
    account,
    finding: { kind: 'quota', carrier: 'init', quota: { type: 'conversation_detail_metadata', blocked_features: blocked } },
  };
  for (let index = 0; index < 64; index++) {
    blocked.push({ name: text(200, `blocked${index}`), resets_after: at, description: text(500, 'd') });
    if (messageChars(message) > MAX_MESSAGE_CHARS) {
      blocked.pop();
      break;
    }
  }
  return message;
}

/** What a small reading may write, in characters of JSON, however many heavy accounts storage holds. */
const SMALL_READING_WRITES = 2_048;

const account = (index: number) => `acct-${index.toString(16).padStart(16, '0')}`;
const small = {
  type: 'page-finding',
  account: account(0),
  finding: {
    kind: 'quota',
    carrier: 'init',
    quota: {
      type: 'conversation_detail_metadata',
      limits_progress: [{ feature_name: 'image_gen', remaining: 5, reset_after: new Date(NOW + 3_600_000).toISOString() }],
    },
  },
};

describe('a flood of made-up accounts', () => {
  it('keeps each later small reading from rewriting hundreds of KB', async () => {
    for (let index = 1; index <= 10; index++) {
      await handleRelayMessage(heavyMessage(account(index), index), NOW + index, index);
    }
    const flooded = JSON.stringify(await stored('quotaState')).length;
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await handleRelayMessage(small, NOW + 100, 0);
    const written = set.mock.calls.map(([items]) => JSON.stringify(items).length).reduce((sum, length) => sum + length, 0);
    const keys = set.mock.calls.flatMap(([items]) => Object.keys(items)).sort();
    console.log(`quotaState after 10 heavy accounts: ${flooded} characters; a small reading then writes ${written} (${keys.join(', ')})`);
    expect(flooded).toBeGreaterThan(MAX_OTHER_ACCOUNTS_CHARS / 2);
    expect(written).toBeLessThan(SMALL_READING_WRITES);
    // Its own account's entry, the heads that changed (the active account), its carrier's last finding.
    expect(keys.every((key) => !key.startsWith('quotaState/') || key === `quotaState/${account(0)}`)).toBe(true);
    expect(((await stored('quotaState')) as QuotaState).accounts[account(0)]).toBeDefined();
  });

  it('a heavy last finding of another carrier is not rewritten by a small one (one key per carrier)', async () => {
    for (const carrier of ['stream', 'resume'] as const) {
      const heavy = heavyMessage(account(1), 1) as { finding: { carrier: string } };
      heavy.finding.carrier = carrier;
      await handleRelayMessage(heavy, NOW, 1);
    }
    expect(JSON.stringify(await stored('lastFindings')).length).toBeGreaterThan(2 * MAX_MESSAGE_CHARS * 0.9);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await handleRelayMessage(small, NOW + 100, 0);
    const written = set.mock.calls.map(([items]) => JSON.stringify(items).length).reduce((sum, length) => sum + length, 0);
    expect(written).toBeLessThan(SMALL_READING_WRITES);
  });

  it('the same small reading again writes nothing to quotaState when nothing changed', async () => {
    await handleRelayMessage(small, NOW);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await handleRelayMessage({ type: 'page-active', account: account(0) }, NOW);
    expect(set.mock.calls.filter(([items]) => Object.keys(items).some((key) => key.startsWith('quotaState')))).toEqual([]);
  });
});
