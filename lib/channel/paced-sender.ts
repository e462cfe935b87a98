import { createRateLimiter } from './rate-limiter';

/**
 * The relay's pace toward the background: a token bucket (rate-limiter.ts), and what the bucket
 * refuses is held, not dropped. A refused finding used to be lost until the next page load or turn
 * brought its numbers again; a quick run of turns (three findings each: quota, plan, model) could
 * spend the bucket and leave the meters a turn behind. Now each refused message waits in a slot
 * (what it is about: kind, carrier, account, turn) where a newer message about the same thing
 * replaces it, and the slots are sent in the order of their latest message as tokens come back.
 * The slots are bounded: past `maxHeld`, the one waiting longest is dropped. A message sent late
 * says how long it waited (`heldMs`), so the background dates it to when the page received it. A
 * page going away sends what it still holds, once (its timer would die with it).
 */

/** What pacing reads of a message: its type and account, and for a finding what it is about. */
interface PacedMessage {
  type: string;
  account: string | null;
  finding?: { kind: string; carrier: string; turn?: unknown };
}

interface PacedSenderOptions<M> {
  burst: number;
  perSecond: number;
  /** The most slots held at once. */
  maxHeld: number;
  /** `heldMs`: how long the message waited (0 when sent at once). */
  send(message: M, heldMs: number): void;
  now(): number;
  /** Runs `run` after `ms` (the relay's own setTimeout, in its isolated world). */
  later(run: () => void, ms: number): void;
}

/** The slot a message waits in: a newer message about the same thing replaces an older one. */
export function slotOf(message: PacedMessage): string {
  const { finding } = message;
  if (finding === undefined) return `${message.type}|${String(message.account)}`;
  // A turn's model is counted once per turn: each turn keeps its own slot.
  const turn = typeof finding.turn === 'string' ? finding.turn : '';
  return `${finding.kind}|${finding.carrier}|${String(message.account)}|${turn}`;
}

interface PacedSender<M> {
  /**
   * Sends `message` now when the bucket allows, else holds it for the next token. `receivedAt`:
   * when the page received it, when that was earlier (a diagnostic the relay held, delayed-batch.ts).
   */
  pass(message: M, receivedAt?: number): void;
  /**
   * Sends everything held at once, past the bucket: for a page going away (its timers die with it),
   * at most `maxHeld` messages, once per page.
   */
  sendHeld(): void;
}

export function createPacedSender<M extends PacedMessage>(options: PacedSenderOptions<M>): PacedSender<M> {
  const { send, now, later, maxHeld } = options;
  const limiter = createRateLimiter(options.burst, options.perSecond);
  const held = new Map<string, { message: M; at: number }>();
  const refillMs = Math.ceil(1000 / options.perSecond);
  let waiting = false;

  /** Sends a held slot's message, with how long it waited until `time`. */
  const release = (slot: string, { message, at }: { message: M; at: number }, time: number) => {
    held.delete(slot);
    send(message, Math.max(0, time - at));
  };
  const flush = () => {
    waiting = false;
    for (const [slot, entry] of held) {
      const time = now();
      if (!limiter.take(time)) break;
      release(slot, entry, time);
    }
    wait();
  };
  const wait = () => {
    if (waiting || held.size === 0) return;
    waiting = true;
    later(flush, refillMs);
  };

  return {
    pass(message, receivedAt) {
      // Behind held messages, a new one waits its turn: the background gets them in order.
      const time = now();
      const at = Math.min(receivedAt ?? time, time);
      if (held.size === 0 && limiter.take(time)) return send(message, time - at);
      const slot = slotOf(message);
      // Deleted first, so that the slot moves to the end: the order is that of the latest messages.
      held.delete(slot);
      held.set(slot, { message, at });
      if (held.size > maxHeld) held.delete(held.keys().next().value as string);
      wait();
    },
    sendHeld() {
      const time = now();
      for (const [slot, entry] of held) release(slot, entry, time);
    },
  };
}
