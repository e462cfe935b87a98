import type { ReplicaServer } from '../replica/replica-server';
import type { Step } from '../scenarios/scenario';
import { badgeColorOf } from './badge-colors';
import type { Badge, ExtensionHandle } from './extension-handle';
import type { ReplicaTab, TurnShown } from './replica-tab';

/**
 * Plays one scenario step: scripts the server's answers, does what the step says in the tab,
 * and, with the extension loaded, waits until the extension has settled before reading the badge.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StepOutcome {
  /** Null when the browser runs without the extension. */
  badge: Badge | null;
  /** What the page showed of a turn (title and assistant text), for send steps. */
  shown: TurnShown | null;
  /** Endpoints whose scripted answers the page never asked for: the step did not run as written. */
  unusedAnswers: string[];
}

/**
 * Waits until badge and storage have not changed for `quietMs`: a reading that the extension
 * ignores changes nothing, so "the badge reached the expected value" alone cannot be the signal.
 * With `expected`, it also waits (up to the timeout) for the badge to show it, so that a machine
 * slow to deliver the reading does not end the wait early; what is returned is still read, never assumed.
 */
export async function settledBadge(extension: ExtensionHandle, expected?: Step['badge'], quietMs = 400, timeoutMs = 8000): Promise<Badge> {
  const wanted = expected && JSON.stringify([expected.text, badgeColorOf(expected.status)]);
  const started = Date.now();
  let last = '';
  let stableSince = Date.now();
  for (;;) {
    const [badge, stored] = await Promise.all([extension.badge(), extension.storage()]);
    const snapshot = JSON.stringify([badge, stored]);
    const shows = wanted === undefined || JSON.stringify([badge.text, badge.color]) === wanted;
    if (snapshot !== last) {
      last = snapshot;
      stableSince = Date.now();
    } else if ((shows && Date.now() - stableSince >= quietMs) || Date.now() - started > timeoutMs) {
      return badge;
    }
    await sleep(100);
  }
}

export async function runStep(
  step: Step,
  tab: ReplicaTab<unknown>,
  replica: ReplicaServer,
  extension: ExtensionHandle | null,
): Promise<StepOutcome> {
  replica.script(step.answers);
  let shown: TurnShown | null = null;
  if (step.do === 'open') await tab.load('/');
  else if (step.do === 'websocket') shown = await tab.receiveOverWebSocket();
  else if (step.do === 'codex') await tab.openCodexUsage();
  else if (step.do === 'memories') await tab.openMemories();
  else shown = await tab.send();
  const unusedAnswers = replica.unusedAnswers();
  return { badge: extension ? await settledBadge(extension, step.badge) : null, shown, unusedAnswers };
}
