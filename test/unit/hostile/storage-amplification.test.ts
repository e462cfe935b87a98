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
 * reading. Now the accounts other than the active one are kept under a size, and a write that
 * changes nothing is skipped. The figures printed here are the ones docs quote.
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
    console.log(`quotaState after 10 heavy accounts: ${flooded} characters; a small reading then writes ${written}`);
    expect(written).toBeLessThan(MAX_OTHER_ACCOUNTS_CHARS + 40 * 1024);
    expect(((await stored('quotaState')) as QuotaState).accounts[account(0)]).toBeDefined();
  });

  it('the same small reading again writes nothing to quotaState when nothing changed', async () => {
    await handleRelayMessage(small, NOW);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await handleRelayMessage({ type: 'page-active', account: account(0) }, NOW);
    expect(set.mock.calls.filter(([items]) => 'quotaState' in items)).toEqual([]);
  });
});
