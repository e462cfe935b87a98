import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './extension-build';

/** Where runs write what a person may want to look at (screenshots); git-ignored. */
export function artifactsDir(...parts: string[]): string {
  const dir = path.join(repoRoot, 'test-artifacts', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
