import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSessionIn } from '../../harness/browser-under-test';
import { expectBadge } from '../../harness/expect-badge';
import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { runStep, settledBadge } from '../../harness/scenario-runner';
import { raw } from '../../replica/answers';
import type { ReplicaServer } from '../../replica/replica-server';
import { quotaJson } from '../../scenarios/quota-objects';
import type { Step } from '../../scenarios/scenario';

/**
 * Firefox restarted with the same profile: the extension, installed in the profile as an add-on
 * from the store is (harness/firefox/packed-extension.ts), starts again and paints the badge from
 * storage before any page is opened. Nothing of the background page's memory survives.
 */

let replica: ReplicaServer;
beforeAll(async () => {
  replica = await firefoxUnderTest.startReplica();
});
afterAll(() => replica?.close());

describe('Firefox restarted with the same profile', () => {
  it('the badge is back from storage before any page is opened, and nothing asked chatgpt.com', async () => {
    const shown: Step['badge'] = { text: '7', status: 'low' };
    const first = await startSessionIn(firefoxUnderTest, replica);
    const open: Step = {
      do: 'open',
      answers: { init: [raw(200, 'application/json', quotaJson({ limits: { image_gen: { remaining: 7 } } }, Date.now()))] },
      badge: shown,
      rule: 'open',
    };
    expectBadge((await runStep(open, first.tab, replica, first.extension)).badge, shown, 'before the restart');
    await first.browser.close({ keepProfile: true });

    const requestsBefore = replica.received.length;
    const second = await firefoxUnderTest.launch(replica, { profileDir: first.browser.profileDir });
    try {
      const extension = second.extension;
      expect(extension).not.toBeNull();
      if (extension === null) return;
      expectBadge(await settledBadge(extension, shown), shown, 'after the restart');
      expect(replica.received.length).toBe(requestsBefore);
      expect(extension.errors.errors).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
