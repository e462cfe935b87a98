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

/**
 * The test variant whose manifest makes `notifications` required (wxt.config.ts, QUOTA_METER_E2E=1):
 * headless Chromium never answers a permission prompt (docs/testing.md). global-setup.ts builds it
 * once per run into this git-ignored folder, from the same sources as the normal build.
 */
export const NOTIFICATIONS_OUT_DIR = '.output-e2e';

export function notificationsBuildDir(): string {
  const dir = path.resolve(repoRoot, NOTIFICATIONS_OUT_DIR, 'chrome-mv3');
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`No notifications build at ${dir}: global-setup.ts makes it.`);
  return dir;
}
