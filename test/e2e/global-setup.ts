import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * One folder for every browser profile of a run, removed at its end. A profile deleted right after
 * context.close() can come back: Chromium's helper processes still write to it for a moment
 * (docs/testing.md: close returns 1-2 s before all of them have exited).
 */
export const PROFILES_ENV = 'QUOTA_METER_E2E_PROFILES';

export default function setup(): () => Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'quota-meter-e2e-run-'));
  // Test files run in child processes started after this, which inherit the environment.
  process.env[PROFILES_ENV] = dir;
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
}
