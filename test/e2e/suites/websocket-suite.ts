import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSessionIn, type BrowserUnderTest, type Session } from '../harness/browser-under-test';
import { expectBadge } from '../harness/expect-badge';
import { runStep } from '../harness/scenario-runner';
import { frames, raw } from '../replica/answers';
import type { ReplicaServer } from '../replica/replica-server';
import { quotaJson } from '../scenarios/quota-objects';
import type { Step } from '../scenarios/scenario';
import { websocketTurnFrames } from '../scenarios/websocket-turn';

/**
 * Issue 5.1: a turn the server moved to WebSocket (wss://ws.chatgpt.com, mapped to the replica),
 * whose quota item arrives twice (a replay with the same stream_item_id). The page's own onmessage
 * gets every frame, replay included, unchanged and in order; the badge shows the item's count; the
 * extension keeps one WebSocket finding.
 */
export function describeWebSocketTurn(target: BrowserUnderTest): void {
  const now = Date.now();
  const turnFrames = websocketTurnFrames(now);

  let replica: ReplicaServer;
  let session: Session;

  async function play(step: Step): Promise<void> {
    expectBadge((await runStep(step, session.tab, replica, session.extension)).badge, step.badge, step.rule);
  }

  beforeAll(async () => {
    replica = await target.startReplica();
    session = await startSessionIn(target, replica);
    await play({
      do: 'open',
      answers: { init: [raw(200, 'application/json', quotaJson({ limits: { deep_research: { remaining: 23 } } }, now))] },
      badge: { text: '', status: 'none' },
      rule: 'open chatgpt.com: no image count yet',
    });
  });
  afterAll(async () => {
    await session?.browser.close();
    await replica?.close();
  });

  describe(`a turn over WebSocket with a replayed frame, in ${target.name}`, () => {
    it('the fixture replays its quota item', () => {
      const items = turnFrames.map(
        (text) => (JSON.parse(text) as { payload?: { payload?: { stream_item_id?: string } } }).payload?.payload?.stream_item_id,
      );
      expect(items.filter((id) => id === 's3')).toHaveLength(2);
    });

    it('the badge shows the count the WebSocket item carries', async () => {
      await play({
        do: 'websocket',
        answers: { websocket: [frames(turnFrames)] },
        badge: { text: '120', status: 'normal' },
        rule: 'a WebSocket turn: 120 left',
      });
      expect(replica.received.filter((request) => request.method === 'UPGRADE').map((request) => request.status)).toEqual([101]);
    });

    it("the page's own onmessage received every frame, replay included, as sent", async () => {
      expect(await session.tab.socketFrames()).toEqual(turnFrames);
    });

    it('storage holds one WebSocket finding, with the item as read', async () => {
      const stored = await session.extension.storage();
      const findings = Object.values((stored.lastFindings ?? {}) as Record<string, { finding: { carrier: string } }>);
      const overSocket = findings.filter(({ finding }) => finding.carrier === 'websocket');
      expect(overSocket).toHaveLength(1);
      expect(JSON.stringify(overSocket[0])).toContain('"image_gen"');
    });

    it('nothing logged an error and the page threw nothing', () => {
      expect(session.tab.pageErrors).toEqual([]);
      expect(session.extension.errors.errors).toEqual([]);
    });
  });
}
