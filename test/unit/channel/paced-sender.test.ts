import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPacedSender, slotOf } from '../../../lib/channel/paced-sender';
import { fakeClock } from './fake-clock';

type PacedMessage = Parameters<typeof slotOf>[0];

/**
 * The relay's pace toward the background: the bucket's refusals are held per slot and sent as
 * tokens come back, dated by how long they waited, never dropped unless the slots overflow.
 */

const T0 = 1_790_000_000_000;

interface Sent {
  message: PacedMessage & { id?: number };
  heldMs: number;
}

/** A paced sender on a clock of its own (fake-clock.ts). */
function paced(burst: number, perSecond: number, maxHeld = 32) {
  const { now, later, advance, timers } = fakeClock(T0);
  const sent: Sent[] = [];
  const { pass, sendHeld } = createPacedSender<Sent['message']>({
    burst,
    perSecond,
    maxHeld,
    send: (message, heldMs) => sent.push({ message, heldMs }),
    now,
    later,
  });
  return { pass, sendHeld, sent, advance, timers, now };
}

let ids = 0;
const quota = (account: string | null, carrier = 'stream') => ({
  type: 'page-finding',
  account,
  finding: { kind: 'quota', carrier },
  id: ++ids,
});
const turnModel = (turn: string) => ({
  type: 'page-finding',
  account: 'acct-0000000000000001',
  finding: { kind: 'turn-model', carrier: 'stream', turn },
  id: ++ids,
});

describe('slots', () => {
  it.each([
    ['a finding: kind, carrier, account', quota('acct-0000000000000001', 'init'), 'quota|init|acct-0000000000000001|'],
    ['the default account', quota(null), 'quota|stream|null|'],
    ['a turn model: its turn too', turnModel('t1'), 'turn-model|stream|acct-0000000000000001|t1'],
    ['an announcement', { type: 'page-active', account: 'acct-0000000000000001' }, 'page-active|acct-0000000000000001'],
  ])('%s', (_name, message, slot) => {
    expect(slotOf(message)).toBe(slot);
  });

  it('two carriers, two accounts or two turns are different slots', () => {
    const slots = new Set([quota('a', 'init'), quota('a', 'stream'), quota('b', 'init'), turnModel('t1'), turnModel('t2')].map(slotOf));
    expect(slots.size).toBe(5);
  });
});

describe('within the bucket', () => {
  it('sends at once, not dated back', () => {
    const { pass, sent, timers } = paced(3, 2);
    const messages = [quota('a'), quota('a'), quota('a')];
    for (const message of messages) pass(message);
    expect(sent).toEqual(messages.map((message) => ({ message, heldMs: 0 })));
    expect(timers).toEqual([]);
  });

  it('a steady pace at the refill rate never waits', () => {
    const { pass, sent, advance } = paced(1, 2);
    for (let index = 0; index < 40; index++) {
      pass(quota('a'));
      advance(500);
    }
    expect(sent).toHaveLength(40);
    expect(sent.every(({ heldMs }) => heldMs === 0)).toBe(true);
  });
});

describe('past the bucket', () => {
  it('holds what it refuses and sends it when a token comes back, with how long it waited', () => {
    const { pass, sent, advance } = paced(2, 2);
    pass(quota('a'));
    pass(quota('a', 'init'));
    const late = quota('a', 'resume');
    pass(late);
    expect(sent).toHaveLength(2);
    advance(499);
    expect(sent).toHaveLength(2);
    advance(1);
    expect(sent[2]).toEqual({ message: late, heldMs: 500 });
  });

  it('a newer message about the same thing replaces the held one', () => {
    const { pass, sent, advance } = paced(1, 2);
    pass(quota('a'));
    pass(quota('a'));
    advance(200);
    const newest = quota('a');
    pass(newest);
    advance(10_000);
    expect(sent.map(({ message }) => message.id)).toEqual([sent[0]!.message.id, newest.id]);
    expect(sent[1]!.heldMs).toBe(300);
  });

  it('held slots go in the order of their latest message', () => {
    const { pass, sent, advance } = paced(1, 2);
    pass(quota('a', 'init'));
    const first = quota('a', 'stream');
    pass(first);
    pass(quota('a', 'init'));
    const refreshed = quota('a', 'stream');
    pass(refreshed);
    const initAgain = quota('a', 'init');
    pass(initAgain);
    advance(10_000);
    expect(sent.slice(1).map(({ message }) => message.id)).toEqual([refreshed.id, initAgain.id]);
  });

  it('a new message waits behind held ones, even when a token is back', () => {
    const { pass, sent, advance } = paced(1, 1);
    pass(quota('a', 'init'));
    const held = quota('a', 'stream');
    pass(held);
    advance(999);
    // A token is back only at 1000 ms; this one arrives just after and must not jump the queue.
    const next = quota('b', 'stream');
    pass(next);
    advance(5_000);
    expect(sent.slice(1).map(({ message }) => message.id)).toEqual([held.id, next.id]);
  });

  it('each turn keeps its own slot: no turn is lost', () => {
    const { pass, sent, advance } = paced(2, 2);
    const turns = Array.from({ length: 12 }, (_, index) => turnModel(`t${index}`));
    for (const turn of turns) pass(turn);
    advance(60_000);
    expect(sent.map(({ message }) => message.id)).toEqual(turns.map(({ id }) => id));
  });

  it('past maxHeld slots, the one waiting longest is dropped', () => {
    const { pass, sent, advance } = paced(1, 2, 3);
    pass(quota('a'));
    const waiting = ['b', 'c', 'd', 'e'].map((account) => quota(account));
    for (const message of waiting) pass(message);
    advance(60_000);
    expect(sent.slice(1).map(({ message }) => message.account)).toEqual(['c', 'd', 'e']);
  });

  it('one timer at a time, and none once nothing is held', () => {
    const { pass, advance, timers } = paced(1, 2);
    for (let index = 0; index < 10; index++) pass(quota(`acct-${index}`));
    expect(timers).toHaveLength(1);
    advance(60_000);
    expect(timers).toEqual([]);
  });
});

describe('a message the relay held before (a diagnostic, lib/channel/delayed-batch.ts)', () => {
  it('says how long it waited in all, also when sent at once', () => {
    const { pass, sent, now } = paced(3, 2);
    const diagnostic = quota('a', 'init');
    pass(diagnostic, now() - 2000);
    expect(sent).toEqual([{ message: diagnostic, heldMs: 2000 }]);
  });

  it('held by the bucket too: both waits', () => {
    const { pass, sent, advance, now } = paced(1, 2);
    pass(quota('a'));
    const diagnostic = quota('a', 'init');
    pass(diagnostic, now() - 2000);
    advance(500);
    expect(sent[1]).toEqual({ message: diagnostic, heldMs: 2500 });
  });

  it('a time after now counts as now', () => {
    const { pass, sent, now } = paced(3, 2);
    pass(quota('a'), now() + 60_000);
    expect(sent[0]?.heldMs).toBe(0);
  });
});

describe('a page going away', () => {
  it('sends everything held at once, in order, each with how long it waited; then holds nothing', () => {
    const { pass, sendHeld, sent, advance, timers } = paced(1, 2);
    pass(quota('a'));
    const waiting = [quota('b'), quota('c'), turnModel('t1')];
    for (const message of waiting) {
      pass(message);
      advance(100);
    }
    sendHeld();
    expect(sent.slice(1)).toEqual(waiting.map((message, index) => ({ message, heldMs: 300 - index * 100 })));
    advance(60_000);
    expect(sent).toHaveLength(4);
    expect(timers).toEqual([]);
  });

  it('with nothing held, sends nothing', () => {
    const { pass, sendHeld, sent } = paced(5, 2);
    pass(quota('a'));
    sendHeld();
    expect(sent).toHaveLength(1);
  });
});

describe('property: nothing lost, nothing faster than the bucket', () => {
  it('every slot ends with its latest message sent, and no window sends more than burst plus refill', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gap: fc.integer({ min: 0, max: 1500 }),
            account: fc.constantFrom('a', 'b', 'c'),
            carrier: fc.constantFrom('init', 'stream'),
          }),
          {
            maxLength: 80,
          },
        ),
        (events) => {
          const { pass, sent, advance, now } = paced(4, 2);
          const latest = new Map<string, number>();
          const times: number[] = [];
          const original = sent.push.bind(sent);
          sent.push = (...items) => {
            times.push(now());
            return original(...items);
          };
          for (const { gap, account, carrier } of events) {
            advance(gap);
            const message = quota(account, carrier);
            latest.set(slotOf(message), message.id);
            pass(message);
          }
          advance(3_600_000);
          const lastSent = new Map(sent.map(({ message }) => [slotOf(message), message.id]));
          expect(lastSent).toEqual(latest);
          // Sent in order of arrival, each at most once.
          const sentIds = sent.map(({ message }) => message.id!);
          expect(sentIds).toEqual([...sentIds].sort((a, b) => a - b));
          // In any span of s seconds, at most burst + 2 s messages.
          for (let start = 0; start < times.length; start++)
            for (let end = start; end < times.length; end++)
              expect(end - start + 1).toBeLessThanOrEqual(4 + Math.floor(((times[end]! - times[start]!) / 1000) * 2) + 1);
        },
      ),
    );
  });
});
