/**
 * What the relay sends a while after the page received it, all at once, instead of at once: the
 * diagnostics (a carrier that was not read, and why). Each runtime message sets the background to
 * work (its checks, a storage write) on other threads of the same machine, and "at once" is when the
 * response that caused the message is still arriving. Measured on the bench's 6 MiB init, whose
 * length is over the read bound so that its "body too large" was sent as its body began: the page
 * read it about 1.1 times as slowly as without the extension when the diagnostic went at once (1.08
 * to 1.13 in six probes), and as quickly (1.00) when it went a second later (docs/performance.md).
 * Nothing waits on a diagnostic: it only feeds the popup's diagnostics log, which dates each entry to
 * when the page received it.
 */

/** How long the relay holds a diagnostic before it joins the pace (entrypoints/relay.ts). */
export const DIAGNOSTICS_DELAY_MS = 2000;

interface DelayedBatchOptions<M> {
  /** How long the first message of a batch waits; the others of that while go with it. */
  delayMs: number;
  /** The most messages held at once; past it, the oldest is dropped (a page can make any number). */
  max: number;
  now(): number;
  /** Runs `run` after `ms` (the relay's own setTimeout, in its isolated world). */
  later(run: () => void, ms: number): void;
  /** Where a message goes when its batch is due, with when the page received it. */
  pass(message: M, receivedAt: number): void;
}

interface DelayedBatch<M> {
  hold(message: M): void;
  /** Passes on what is held now: for a page going away (its timer would die with it). */
  flush(): void;
}

export function createDelayedBatch<M>({ delayMs, max, now, later, pass }: DelayedBatchOptions<M>): DelayedBatch<M> {
  let held: { message: M; at: number }[] = [];
  let waiting = false;
  const flush = () => {
    waiting = false;
    const due = held;
    held = [];
    for (const { message, at } of due) pass(message, at);
  };
  return {
    hold(message) {
      held.push({ message, at: now() });
      if (held.length > max) held.shift();
      if (waiting) return;
      waiting = true;
      later(flush, delayMs);
    },
    flush,
  };
}
