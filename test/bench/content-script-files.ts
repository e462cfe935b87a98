import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FileWeight } from './popup-files';

/**
 * What every chatgpt.com page is given to parse, from the built manifest: each content script
 * whose matches cover chatgpt.com, raw and gzip -9. The page chip's script is not among them: it is
 * registered at run time only while the chip is on (weighed apart, run-bench.ts).
 */

interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  run_at?: string;
  world?: string;
}

export interface ContentScriptWeight extends FileWeight {
  runAt: string;
  world: string;
}

export function contentScriptWeights(extensionDir: string): ContentScriptWeight[] {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestContentScript[];
  };
  const scripts = (manifest.content_scripts ?? []).filter((script) =>
    (script.matches ?? []).some((match) => match.includes('chatgpt.com')),
  );
  if (scripts.length === 0) throw new Error('the manifest injects no content script into chatgpt.com: the build changed shape');
  return scripts.flatMap((script) =>
    (script.js ?? []).map((file) => {
      const bytes = readFileSync(path.join(extensionDir, file));
      return {
        file,
        raw: bytes.byteLength,
        gzip: gzipSync(bytes, { level: 9 }).byteLength,
        runAt: script.run_at ?? 'document_idle',
        world: script.world ?? 'ISOLATED',
      };
    }),
  );
}
