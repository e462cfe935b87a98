/**
 * Where another process's clock stands against this one's. The page and the service worker run in
 * different processes; each reports `performance.timeOrigin + performance.now()`. Asking each a few
 * times and keeping the quickest round trip puts its clock on Node's with an error of at most half
 * that round trip, so a time read in the page and one read in the worker can be compared.
 */

export interface ClockOffset {
  /** Their clock minus ours, ms. */
  offsetMs: number;
  /** Half the quickest round trip: the offset is right to within this. */
  uncertaintyMs: number;
}

const nodeNow = () => performance.timeOrigin + performance.now();

export async function clockOffset(readTheirClock: () => Promise<number>, tries = 7): Promise<ClockOffset> {
  let best: ClockOffset | null = null;
  for (let attempt = 0; attempt < tries; attempt += 1) {
    const sent = nodeNow();
    const theirs = await readTheirClock();
    const back = nodeNow();
    const candidate = { offsetMs: theirs - (sent + back) / 2, uncertaintyMs: (back - sent) / 2 };
    if (best === null || candidate.uncertaintyMs < best.uncertaintyMs) best = candidate;
  }
  if (best === null) throw new Error('no clock reading');
  return best;
}
