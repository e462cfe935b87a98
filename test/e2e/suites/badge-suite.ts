import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSessionIn, type BrowserUnderTest, type Session } from '../harness/browser-under-test';
import { expectBadge } from '../harness/expect-badge';
import { runStep } from '../harness/scenario-runner';
import type { ReplicaServer } from '../replica/replica-server';
import { badgeScenarios } from '../scenarios/badge-scenarios';

/**
 * Every badge rule, in a real browser on the built extension: each scenario starts a fresh
 * profile, plays its steps against the replica and reads the badge after each one.
 */
export function describeBadgeScenarios(target: BrowserUnderTest): void {
  let replica: ReplicaServer;
  beforeAll(async () => {
    replica = await target.startReplica();
  });
  afterAll(() => replica?.close());

  describe.each(badgeScenarios(Date.now()))(`badge in ${target.name}: $name`, (scenario) => {
    let session: Session;

    beforeAll(async () => {
      replica.clear();
      session = await startSessionIn(target, replica);
    });
    afterAll(() => session?.browser.close());

    for (const [index, step] of scenario.steps.entries()) {
      it(`${index + 1}. ${step.do}: ${step.rule} -> "${step.badge.text}" ${step.badge.status}`, async () => {
        const outcome = await runStep(step, session.tab, replica, session.extension);
        expect(outcome.unusedAnswers, 'the page asked for every scripted answer').toEqual([]);
        expectBadge(outcome.badge, step.badge);
      });
    }

    it('logged no error in the extension and threw none into the page', () => {
      expect(session.extension.errors.errors).toEqual([]);
      expect(session.tab.pageErrors).toEqual([]);
    });
  });
}
