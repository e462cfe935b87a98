import type { BadgeStatus } from '../../../lib/alerts/quota-badge';
import type { Answers } from '../replica/answers';

/**
 * A scenario is data: what the user does in the chatgpt.com tab, step by step, what the server
 * answers to each step, and what the badge shows afterwards.
 */

export interface Step {
  /**
   * open: load (or reload) chatgpt.com, which calls conversation/init; send: one chat turn;
   * websocket: a turn whose items arrive over the page's WebSocket (answers.websocket);
   * codex: the page opens Codex's usage settings, which ask for /backend-api/wham/usage (answers.codexUsage);
   * memories: the page opens the memory settings, which ask for /backend-api/memories (answers.memories).
   */
  do: 'open' | 'send' | 'websocket' | 'codex' | 'memories';
  /** The server's answers for this step, per endpoint, in the order the page asks. */
  answers: Answers;
  /** The badge afterwards: its text, and the status whose colour (BADGE_COLORS) it must have. */
  badge: { text: string; status: BadgeStatus };
  /** The rule the step checks, in words. */
  rule: string;
}

export interface Scenario {
  name: string;
  steps: Step[];
}
