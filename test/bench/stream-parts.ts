import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../e2e/harness/extension-build';
import { badgeShows } from './badge-measures';
import type { BenchConfig } from './bench-config';
import { turnStream } from './bench-bodies';
import type { BenchServer } from './bench-server';
import { loadBenchPage, openSide, withCpu, type BenchSide, type StreamPart } from './bench-sides';
import { readStream } from './page-calls';
import { spreadOf } from './statistics';

/**
 * What a matched turn stream costs the page, taken apart (measure 2's remainder). Two more builds
 * of the same sources, made only here (WXT_BENCH_STREAM, read in lib/page/body-readers.ts and
 * folded away in every other build):
 * - `clone-only`: the response is cloned as shipped, and our branch cancelled at once: the tee alone;
 * - `read-only`: our branch read to its end as shipped, its bytes not scanned: the tee and the reading.
 * With the shipped build (scanning too) and the browser without the extension, in the same rounds,
 * taking turns, so the differences between them are the parts: tee, reading, scanning.
 */

export const STREAM_PARTS: readonly StreamPart[] = ['clone-only', 'read-only'];

function partDir(part: StreamPart): string {
  return path.join(repoRoot, '.output', `bench-stream-${part}`);
}

/** Builds the two partial builds beside the bench's own (about ten seconds each). */
export function buildStreamParts(): void {
  for (const part of STREAM_PARTS) {
    const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'wxt'), ['build'], {
      cwd: repoRoot,
      env: { ...process.env, QUOTA_METER_OUT_DIR: partDir(part), WXT_BENCH_STREAM: part },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`The ${part} build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** The browsers of the partial builds, on the bench page. */
export async function openStreamParts(serverPort: number): Promise<BenchSide[]> {
  return Promise.all(STREAM_PARTS.map((part) => openSide(part, serverPort, path.join(partDir(part), 'chrome-mv3'))));
}

/** One round: median last-chunk time and main-thread CPU of each side, by side name. */
export type StreamPartsRound = Partial<Record<BenchSide['name'], { lastChunkMs: number; cpuMs: number }>>;

const medianOf = (values: number[]) => spreadOf(values).median;

/**
 * `rounds` rounds; in each, every side reads the large stream `config.repeats` times, the sides
 * taking turns in an order that rotates from round to round. The shipped build must show each
 * pass's count on its badge (proof it read the stream), as in measure 2.
 */
export async function streamPartsRounds(
  config: BenchConfig,
  server: BenchServer,
  sides: readonly BenchSide[],
  nextCount: () => number,
): Promise<StreamPartsRound[]> {
  const rounds: StreamPartsRound[] = [];
  for (let round = 0; round <= config.rounds; round += 1) {
    // A fresh page each round, as in measure 2 (a fresh relay, its rate limiter full). With one page
    // for all rounds, the full run of 2026-12-06 stopped at its 18th stream: the shipped build's
    // badge never showed that stream's count.
    for (const side of sides) await loadBenchPage(side);
    const runs = new Map<BenchSide, { lastChunkMs: number; cpuMs: number }[]>(sides.map((side) => [side, []]));
    for (let pass = 0; pass < config.repeats; pass += 1) {
      const count = nextCount();
      const stream = turnStream(count, config.largeStream.events, config.largeStream.bytes);
      const name = `stream-parts-${count}`;
      server.register(name, { kind: 'stream', events: stream.events });
      const shift = (round * config.repeats + pass) % sides.length;
      for (const side of [...sides.slice(shift), ...sides.slice(0, shift)]) {
        const { result, cpuMs } = await withCpu(side, () => readStream(side, name, stream.bytes));
        if (side.name === 'with' && side.extension) await badgeShows(side.extension, count, 'stream parts');
        runs.get(side)?.push({ lastChunkMs: result.lastChunkMs, cpuMs });
      }
    }
    // The first round warms up each browser's stream path; it is not kept.
    if (round === 0) continue;
    const figures: StreamPartsRound = {};
    for (const [side, sideRuns] of runs) {
      figures[side.name] = {
        lastChunkMs: medianOf(sideRuns.map((run) => run.lastChunkMs)),
        cpuMs: medianOf(sideRuns.map((run) => run.cpuMs)),
      };
    }
    rounds.push(figures);
  }
  return rounds;
}
