import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built Chrome extension that the suite loads. Chromium wants an absolute path, and the
 * extension id is derived from it. wxt.config.ts honours QUOTA_METER_OUT_DIR, so a second build
 * (a test variant, or a deliberately broken copy) can sit beside the normal one.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function extensionDir(): string {
  return path.resolve(repoRoot, process.env.QUOTA_METER_OUT_DIR || '.output', 'chrome-mv3');
}

/** Fails with what to run, rather than letting Chromium start without the extension. */
export function builtExtensionDir(): string {
  const dir = extensionDir();
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}. Run \`npm run build\` first (\`npm test\` does).`);
  }
  return dir;
}
