import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { windowKey } from '../../../lib/alerts/notice-ledger';
import { defaultSettings, type Settings } from '../../../lib/alerts/settings';
import type { QuotaState } from '../../../lib/core/quota-state';
import { pickCodexUsage } from '../../../lib/page/codex-usage-fields';
import { badge, findingMessage, restartWorker, sendSettled, settle, startWorker, stored, validSender } from './worker';

/** Codex usage through the real background: stored per account, on the badge when chosen, one notice per window. */

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 8, 15, 12, 0, 0);
const RESET = NOW + 5 * HOUR;
const ACCOUNT = 'acct-0123456789abcdef';

function usage(used: number, extra: Record<string, unknown> = {}) {
  const body = {
    plan_type: 'plus',
    rate_limit: { primary_window: { used_percent: used, reset_at: RESET / 1000, limit_window_seconds: 18000 } },
    email: 'private@example.org',
    ...extra,
  };
  return findingMessage({ kind: 'codex-usage', carrier: 'codex-usage', usage: pickCodexUsage(body) }, ACCOUNT);
}

const send = (message: unknown) => sendSettled(message, validSender(), 20);

async function startWith(settings: Partial<Settings>, notificationsGranted = false): Promise<void> {
  await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), ...settings } });
  await startWorker({ notificationsGranted });
  await settle();
}

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => vi.useRealTimers());

describe('a Codex usage finding', () => {
  it('is stored for its account, quota fields only, and the chosen badge shows percent left', async () => {
    await startWith({ badgeFeature: 'codex:primary' });
    await send(usage(37));
    const state = (await stored('quotaState')) as QuotaState;
    expect(state.activeAccount).toBe(ACCOUNT);
    expect(state.accounts[ACCOUNT]?.codex?.windows.map((window) => [window.name, window.usedPercent, window.resetsAt])).toEqual([
      ['codex:primary', 37, RESET],
    ]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('private@example.org');
    expect(await badge()).toMatchObject({ text: '63%', color: '#3A5A8C' });
    expect((await badge()).title).toContain('Codex 5-hour window: 63% left');
  });

  it('a forged field inside `usage` is dropped before anything is stored', async () => {
    await startWith({});
    await send(
      findingMessage(
        {
          kind: 'codex-usage',
          carrier: 'codex-usage',
          usage: { rate_limit: { primary_window: { used_percent: 5, secret: 'x' } }, token: 'forged-token' },
        },
        ACCOUNT,
      ),
    );
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('forged-token');
  });

  it('before any Codex reading, the chosen badge says where to get one', async () => {
    await startWith({ badgeFeature: 'codex:primary' });
    await send(findingMessage({ kind: 'account', carrier: 'account' }, ACCOUNT));
    expect((await badge()).text).toBe('');
    expect((await badge()).title).toContain('Codex Window of unknown length: no reading yet. Open a Codex page on chatgpt.com');
  });

  it('low once per window, whatever readings and restarts follow', async () => {
    await startWith({ notifications: true }, true);
    await send(usage(50));
    await send(usage(85));
    await send(usage(86));
    await restartWorker({ notificationsGranted: true });
    await send(usage(88));
    const shown = fakeBrowser.notifications.getAllCreateOptions();
    expect(Object.keys(shown)).toEqual([`low|${ACCOUNT}|codex:primary|${windowKey(RESET)}`]);
    expect(Object.values(shown)[0]).toMatchObject({ title: 'Codex 5-hour window running low: 15% left' });
  });
});
