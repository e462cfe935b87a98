import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The captures in shared/fixtures. shared/ sits beside the repository (CI checks the repository
 * out elsewhere with a copy of shared/ next to it), so it is found relative to the repo root.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const fixturesDir = path.join(sharedDir, 'fixtures');

export type FixtureFolder = 'real' | 'synthetic';

/** File names of one fixture folder, sorted, so that tables can check every file is covered. */
export function fixtureNames(folder: FixtureFolder): string[] {
  return readdirSync(path.join(fixturesDir, folder)).sort();
}

export function fixtureBytes(folder: FixtureFolder, name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixturesDir, folder, name)));
}

export function fixtureText(folder: FixtureFolder, name: string): string {
  return readFileSync(path.join(fixturesDir, folder, name), 'utf8');
}

export function fixtureJson(folder: FixtureFolder, name: string): unknown {
  return JSON.parse(fixtureText(folder, name));
}

/** Every SSE body among the fixtures, real and synthetic, as [folder, name]. */
export function streamFixtures(): [FixtureFolder, string][] {
  const folders: FixtureFolder[] = ['real', 'synthetic'];
  return folders.flatMap((folder) =>
    fixtureNames(folder)
      .filter((name) => name.endsWith('.sse.txt'))
      .map((name): [FixtureFolder, string] => [folder, name]),
  );
}
