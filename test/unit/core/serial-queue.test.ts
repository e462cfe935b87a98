import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../lib/core/serial-queue';

/** Every read-modify-write of shared state runs on one queue: two tabs can report at once. */

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createSerialQueue', () => {
  it('runs tasks one after another, in the order given, never overlapping', async () => {
    const serially = createSerialQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, pauses: number) => async () => {
      running += 1;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      for (let pause = 0; pause < pauses; pause++) await tick();
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([serially(task('a', 3)), serially(task('b', 0)), serially(task('c', 1))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('a failing task rejects its own caller and does not stop the next', async () => {
    const serially = createSerialQueue();
    const error = new Error('storage full');
    const failed = serially(() => Promise.reject(error));
    const thrown = serially(async () => {
      throw new TypeError('bad state');
    });
    const next = serially(() => Promise.resolve('still runs'));
    await expect(failed).rejects.toBe(error);
    await expect(thrown).rejects.toBeInstanceOf(TypeError);
    await expect(next).resolves.toBe('still runs');
  });

  it('each task sees the result of the one before (read-modify-write)', async () => {
    const serially = createSerialQueue();
    let stored = 0;
    const increment = () =>
      serially(async () => {
        const read = stored;
        await tick();
        stored = read + 1;
      });
    await Promise.all(Array.from({ length: 10 }, increment));
    expect(stored).toBe(10);
  });

  it('two queues do not wait for each other', async () => {
    const first = createSerialQueue();
    const second = createSerialQueue();
    let release!: () => void;
    const blocked = first(() => new Promise<void>((resolve) => (release = resolve)));
    await expect(second(() => Promise.resolve('free'))).resolves.toBe('free');
    release();
    await blocked;
  });
});
