import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureLabel } from '../../../lib/core/feature-names';
import { startSessionIn, type BrowserUnderTest, type Session } from '../harness/browser-under-test';
import { englishText, englishTextOrNothing, fixedParts } from '../harness/english-catalogue';
import { expectBadge } from '../harness/expect-badge';
import { readPopup, type PopupSnapshot } from '../harness/popup-snapshot';
import { runStep } from '../harness/scenario-runner';
import type { ReplicaServer } from '../replica/replica-server';
import { popupStates } from '../scenarios/popup-states';

/**
 * The popup in each state of scenarios/popup-states.ts, reached through the replica in a fresh
 * profile, read as one DOM snapshot (popup-snapshot.ts) so that it runs in any browser. Chromium's
 * popup.e2e.test.ts checks the same states through Playwright's role locators, with screenshots.
 */
export function describePopupStates(target: BrowserUnderTest): void {
  let replica: ReplicaServer;
  beforeAll(async () => {
    replica = await target.startReplica();
  });
  afterAll(() => replica?.close());

  describe.each(popupStates(Date.now()))(`popup in ${target.name}: $name`, (state) => {
    let session: Session;
    let popup: PopupSnapshot;

    beforeAll(async () => {
      replica.clear();
      session = await startSessionIn(target, replica);
      for (const step of state.steps) {
        expectBadge((await runStep(step, session.tab, replica, session.extension)).badge, step.badge, step.rule);
      }
      const tab = await session.extension.popupTab();
      popup = await readPopup(tab);
      await tab.close();
    });
    afterAll(() => session?.browser.close());

    it('says what the state is, in words, and lists each feature with its status and reset', () => {
      for (const key of state.headings) {
        expect(
          popup.headings.filter((heading) => heading === englishText(key)),
          key,
        ).toHaveLength(1);
      }
      for (const key of state.says) {
        for (const words of fixedParts(key)) expect(popup.text, key).toContain(words);
      }
      if (state.name === 'no-data') {
        expect(popup.links.filter((link) => link.name === englishText('popup_openChatGPT')).map((link) => link.href)).toEqual([
          'https://chatgpt.com/',
        ]);
        expect(popup.items).toEqual([]);
      }
      for (const { feature, says } of state.features) {
        const items = popup.items.filter((item) => item.heading === featureLabel(feature, englishTextOrNothing));
        expect(items, feature).toHaveLength(1);
        for (const key of says) {
          for (const words of fixedParts(key)) expect(items[0]?.text, `${feature}: ${key}`).toContain(words);
        }
      }
    });

    it('is styled: the stylesheet the build writes into popup.html applies (no policy of the page blocks it)', () => {
      expect(popup.styled).toBe(true);
    });

    it('logged no error', () => {
      expect(session.extension.errors.errors).toEqual([]);
    });
  });
}
