import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NOTIFICATIONS_OUT_DIR, repoRoot } from './harness/extension-build';

/**
 * One folder for every browser profile of a run, removed at its end. A profile deleted right after
 * context.close() can come back: Chromium's helper processes still write to it for a moment
 * (docs/testing.md: close returns 1-2 s before all of them have exited).
 */
export const PROFILES_ENV = 'QUOTA_METER_E2E_PROFILES';

/** The notifications-required variant, built once for every spec that loads it (a second or two). */
function buildNotificationsVariant(): void {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: repoRoot,
    env: { ...process.env, QUOTA_METER_E2E: '1', QUOTA_METER_OUT_DIR: NOTIFICATIONS_OUT_DIR },
    stdio: 'ignore',
  });
}

/** Makes the run's folder (also used by firefox-global-setup.ts); returns what removes it. */
export function useRunFolder(): { dir: string; remove: () => Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'quota-meter-e2e-run-'));
  // Test files run in child processes started after this, which inherit the environment.
  process.env[PROFILES_ENV] = dir;
  return {
    dir,
    async remove() {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

export default function setup(): () => Promise<void> {
  const runFolder = useRunFolder();
  buildNotificationsVariant();
  return runFolder.remove;
}
