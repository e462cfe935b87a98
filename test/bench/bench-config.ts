/**
 * The sizes and round counts of a run. `full` is what the issue asks to measure (docs/performance.md
 * records it); `quick` is what CI runs to check that every measurement can still be taken: few
 * rounds and small bodies, so its figures say nothing about speed.
 */

const KIB = 1024;
const MIB = 1024 * KIB;

export interface BenchConfig {
  mode: 'full' | 'quick';
  /** Measured rounds; one more comes first, as warm-up, and is thrown away. */
  rounds: number;
  smallFetches: number;
  /** The small fetches run in blocks of this many, the two sides taking turns. */
  smallFetchBlock: number;
  /** Fresh loads of the bench page per side per round (page load). */
  pageLoads: number;
  /** How many times per round each side reads the large stream and the large init (medians kept). */
  repeats: number;
  largeStream: { bytes: number; events: number };
  largeInit: { bytes: number };
}

export const FULL: BenchConfig = {
  mode: 'full',
  rounds: 21,
  smallFetches: 400,
  smallFetchBlock: 100,
  pageLoads: 5,
  repeats: 3,
  largeStream: { bytes: 5 * MIB, events: 2000 },
  largeInit: { bytes: 6 * MIB },
};

export const QUICK: BenchConfig = {
  mode: 'quick',
  rounds: 2,
  smallFetches: 50,
  smallFetchBlock: 25,
  pageLoads: 2,
  repeats: 2,
  largeStream: { bytes: 128 * KIB, events: 50 },
  // Above the extension's 256 KiB cap on init bodies, as the full size is, so the same path runs.
  largeInit: { bytes: 384 * KIB },
};

export function configFromArgs(args: readonly string[]): BenchConfig {
  const unknown = args.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')} (only --quick is known)`);
  return args.includes('--quick') ? QUICK : FULL;
}

export function mebibytes(bytes: number): string {
  return bytes >= MIB
    ? `${(bytes / MIB).toFixed(bytes % MIB === 0 ? 0 : 2)} MiB`
    : `${(bytes / KIB).toFixed(bytes % KIB === 0 ? 0 : 1)} KiB`;
}
