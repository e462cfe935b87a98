import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The floor of page load: a copy of the bench's build whose every manifest content script is an
 * empty file. Same manifest, same matches and run_at, same background: what a browser spends on an
 * extension that injects scripts at all, before any of their code runs. Page load with it, against
 * without the extension, is the part of the ratio no slimming of our scripts can remove.
 */
export function writeFloorBuild(extensionDir: string, floorDir: string): void {
  rmSync(floorDir, { recursive: true, force: true });
  cpSync(extensionDir, floorDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(floorDir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  for (const file of (manifest.content_scripts ?? []).flatMap((script) => script.js ?? [])) writeFileSync(path.join(floorDir, file), '');
}
