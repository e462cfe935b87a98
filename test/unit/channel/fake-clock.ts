/**
 * A clock of the tests' own for the relay's timing parts (paced-sender.ts, delayed-batch.ts): `later`
 * notes a timer, `advance` moves the clock and runs the timers due, in order, each at its time.
 */
export function fakeClock(start: number) {
  let clock = start;
  const timers: { due: number; run: () => void }[] = [];
  const advance = (ms: number) => {
    const end = clock + ms;
    for (;;) {
      timers.sort((a, b) => a.due - b.due);
      const next = timers[0];
      if (next === undefined || next.due > end) break;
      timers.shift();
      clock = next.due;
      next.run();
    }
    clock = end;
  };
  return {
    now: () => clock,
    later: (run: () => void, ms: number) => void timers.push({ due: clock + ms, run }),
    advance,
    timers,
  };
}
