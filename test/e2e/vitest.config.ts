import { configDefaults, defineConfig } from 'vitest/config';
// Loaded in vitest's main process, where the reporter runs (it needs Map.groupBy).
import '../node20-polyfills.ts';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/specs/**/*.e2e.test.ts'],
    // The Firefox specs have their own run (firefox.vitest.config.ts).
    exclude: [...configDefaults.exclude, 'test/e2e/specs/firefox/**'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A failure here should be read, not retried away.
    retry: 0,
    // The JSON summary lets .ci/run print one closing "N passed, N failed" line for every suite.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/results/e2e.json' },
  },
});
