import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeColorOf } from '../harness/badge-colors';
import { launchBrowser, type LaunchedBrowser } from '../harness/launch-browser';
import { ReplicaTab } from '../harness/replica-tab';
import { runStep } from '../harness/scenario-runner';
import { ReplicaServer } from '../replica/replica-server';
import { badgeScenarios } from '../scenarios/badge-scenarios';

/**
 * Every badge rule, in a real browser on the built extension: each scenario starts a fresh
 * profile, plays its steps against the replica and reads the badge after each one.
 */

let replica: ReplicaServer;
beforeAll(async () => {
  replica = await ReplicaServer.start();
});
afterAll(() => replica.close());

describe.each(badgeScenarios(Date.now()))('badge: $name', (scenario) => {
  let browser: LaunchedBrowser;
  let tab: ReplicaTab;

  beforeAll(async () => {
    replica.clear();
    browser = await launchBrowser({ replicaPort: replica.port });
    tab = await ReplicaTab.create(browser.context);
  });
  afterAll(() => browser.close());

  for (const [index, step] of scenario.steps.entries()) {
    it(`${index + 1}. ${step.do}: ${step.rule} -> "${step.badge.text}" ${step.badge.status}`, async () => {
      const outcome = await runStep(step, tab, replica, browser.extension);
      expect(outcome.unusedAnswers, 'the page asked for every scripted answer').toEqual([]);
      expect({ text: outcome.badge?.text, color: outcome.badge?.color }).toEqual({
        text: step.badge.text,
        color: badgeColorOf(step.badge.status),
      });
    });
  }

  it('logged no error in the extension and threw none into the page', () => {
    expect(browser.extension?.errors.errors).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });
});
