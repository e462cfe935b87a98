import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The captures in test/fixtures (provenance in test/fixtures/README.md). They live inside the
 * repository so that a plain clone can run every test.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

/** `documented`: examples quoted in the protocol notes rather than captured whole. */
export type FixtureFolder = 'real' | 'synthetic' | 'documented';

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
