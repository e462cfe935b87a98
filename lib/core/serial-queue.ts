/**
 * Runs async tasks one after another. Every read-modify-write of shared state in storage goes
 * through one: two tabs can report at once, and the second must see the first one's result.
 */
type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
