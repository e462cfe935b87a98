import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir } from '../e2e/harness/artifacts';
import { chromiumExecutable } from '../e2e/harness/chromium-executable';
import { extensionDir, repoRoot } from '../e2e/harness/extension-build';
import { configFromArgs, type BenchConfig } from './bench-config';
import { figuresOf, streamPartsFigures, tableOf } from './bench-report';
import { runRounds } from './bench-rounds';
import { BenchServer } from './bench-server';
import { chromiumVersion, closeSides, openSides } from './bench-sides';
import { machineInfo } from './machine-info';
import { popupWeight, weightOf } from './popup-files';
import { BARE_PAGE, BARE_PAGE_HTML } from './popup-paint';
import { writePopupFloor } from './popup-floor';
import { contentScriptWeights } from './content-script-files';
import { writeFloorBuild } from './floor-build';
import { buildStreamParts, openStreamParts, streamPartsRounds } from './stream-parts';
import { countSequence } from './badge-measures';

/**
 * `npm run bench [-- --quick]`: builds the extension as shipped (into its own folder, so that a
 * build running elsewhere in the checkout cannot change it under the bench), then measures it in
 * Chromium against a browser without it, prints the table and writes the JSON to
 * test-artifacts/bench/. It asserts nothing about speed: it fails only when a measurement could not
 * be taken. docs/performance.md says what each figure means.
 */

const BENCH_OUT_DIR = '.output/bench';
const FLOOR_DIR = '.output/bench-floor/chrome-mv3';
/** The page chip's unlisted script, registered only while the chip is on (lib/extension/chip-registration.ts). */
const CHIP_FILE = 'page-chip.js';

/** The commit measured, and whether the working tree differed from it (others may be editing). */
function gitState(): { commit: string; changedFiles: number } {
  const run = (args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).stdout ?? '';
  return {
    commit: run(['rev-parse', 'HEAD']).trim(),
    changedFiles: run(['status', '--porcelain', '--untracked-files=no']).split('\n').filter(Boolean).length,
  };
}

function build(): void {
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: repoRoot,
    env: { ...process.env, QUOTA_METER_OUT_DIR: BENCH_OUT_DIR },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
}

async function bench(config: BenchConfig): Promise<void> {
  chromiumExecutable();
  console.log(`Quota Meter bench (${config.mode}): building the extension into ${BENCH_OUT_DIR}/ ...`);
  const git = gitState();
  build();
  // The harness loads the build that QUOTA_METER_OUT_DIR names (test/e2e/harness/extension-build.ts).
  process.env.QUOTA_METER_OUT_DIR = BENCH_OUT_DIR;
  writeFileSync(path.join(extensionDir(), BARE_PAGE), BARE_PAGE_HTML);
  const popupFloor = writePopupFloor(extensionDir());
  writeFloorBuild(extensionDir(), path.join(repoRoot, FLOOR_DIR));
  buildStreamParts();
  const weight = popupWeight(extensionDir());
  const contentScripts = contentScriptWeights(extensionDir());
  const machineBefore = machineInfo();
  const server = await BenchServer.start();
  const sides = await openSides(server.port, path.join(repoRoot, FLOOR_DIR));
  const started = Date.now();
  try {
    const chromium = await chromiumVersion(sides.with);
    console.log(
      `${chromium}; ${machineBefore.cpus} CPUs; load ${machineBefore.loadAverage.join(' ')}; ` +
        `a busy thread gets ${machineBefore.cpuShare} of a core; ${config.rounds} rounds after a warm-up`,
    );
    const rounds = await runRounds(config, server, sides, (round) => process.stdout.write(round === 0 ? 'warm-up' : ` ${round}`));
    process.stdout.write('\nStream parts (the tee, the reading, the scanning) ...\n');
    const partSides = await openStreamParts(server.port);
    let streamParts;
    try {
      streamParts = await streamPartsRounds(config, server, [sides.without, sides.with, ...partSides], countSequence(100, 599));
    } finally {
      await Promise.all(partSides.map((side) => side.browser.close()));
    }
    const problems = [
      ...(sides.with.extension?.errors.errors ?? []).map((error) => `extension error in ${error.where}: ${error.text}`),
      ...[sides.without, sides.with, sides.floor].flatMap((side) =>
        side.pageErrors.map((error) => `page error ${side.name} the extension: ${error}`),
      ),
    ];
    if (problems.length > 0) throw new Error(`The run saw errors, so its figures are not to be trusted:\n${problems.join('\n')}`);
    const figures = [
      ...figuresOf(config, rounds, { popup: weight, contentScripts, chip: weightOf(extensionDir(), CHIP_FILE), popupFloor }),
      ...streamPartsFigures(config, streamParts),
    ];
    const machineAfter = machineInfo();
    console.log(`\n${tableOf(figures)}\n`);
    const file = path.join(artifactsDir('bench'), `${config.mode}.json`);
    const report = {
      mode: config.mode,
      config,
      when: new Date(started).toISOString(),
      seconds: (Date.now() - started) / 1000,
      git,
      chromium,
      machineBefore,
      machineAfter,
      figures,
      popupWeight: weight,
      popupFloor,
      contentScripts,
      rounds,
      streamParts,
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `After: load ${machineAfter.loadAverage.join(' ')}; a busy thread got ${machineAfter.cpuShare} of a core. ` +
        `JSON: ${path.relative(repoRoot, file)}`,
    );
    if (config.mode === 'quick') console.log('Quick mode: few rounds and small bodies; these figures say nothing about speed.');
  } finally {
    await closeSides(sides);
    await server.close();
  }
}

bench(configFromArgs(process.argv.slice(2))).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
