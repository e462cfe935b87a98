import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInspect } from '../../../lib/cli/run-inspect';
import { fixturesDir } from '../fixtures';

/** Runs the inspector in-process on real files and keeps what it printed, line by line. */

export interface InspectRun {
  code: number;
  stdout: string[];
  stderr: string[];
}

export async function inspect(args: string[], timeZone = 'UTC'): Promise<InspectRun> {
  const run: InspectRun = { code: -1, stdout: [], stderr: [] };
  run.code = await runInspect(args, {
    readFile: (file) => readFile(file),
    stdout: (line) => run.stdout.push(line),
    stderr: (line) => run.stderr.push(line),
    timeZone,
  });
  return run;
}

/** Path of a fixture, `folder/name` as fixtureNames lists it. */
export function fixturePath(relative: string): string {
  return path.join(fixturesDir, relative);
}

/** Writes `content` to a fresh temporary file and returns its path. */
export function writeTemporary(name: string, content: string | Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'inspect-test-')), name);
  writeFileSync(file, content);
  return file;
}

/** The --json lines of a run, parsed. */
export function jsonLines(run: InspectRun): Record<string, unknown>[] {
  return run.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
}
