import { defineConfig, type ViteUserConfig } from 'vitest/config';
// Loaded in vitest's main process, where the reporter runs (it needs Map.groupBy).
import '../node20-polyfills.ts';

/** What the Chromium and Firefox browser suites share; each config names its files, setup and report. */
export function browserSuiteConfig(suite: { include: string[]; exclude: string[]; globalSetup: string; report: string }): ViteUserConfig {
  return defineConfig({
    test: {
      root: new URL('../..', import.meta.url).pathname,
      include: suite.include,
      exclude: suite.exclude,
      globalSetup: [suite.globalSetup],
      // One browser suite file at a time: a file starts browsers of its own, which load the machine.
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // A failure here should be read, not retried away.
      retry: 0,
      // The JSON summary lets .ci/run print one closing "N passed, N failed" line for every suite.
      reporters: ['default', 'json'],
      outputFile: { json: `test-artifacts/results/${suite.report}.json` },
    },
  });
}
