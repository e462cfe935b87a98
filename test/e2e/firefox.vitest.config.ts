import { defineConfig } from 'vitest/config';
// Loaded in vitest's main process, where the reporter runs (it needs Map.groupBy).
import '../node20-polyfills.ts';

/**
 * The Firefox ESR suite (`npm run test:e2e:firefox`): the cross-browser suites of test/e2e/suites
 * and the Firefox-only specs, against the packed Firefox build. Its replica listens on port 443
 * (harness/firefox/firefox-prefs.ts), so its files run one at a time, as the Chromium suite's do.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/specs/firefox/**/*.firefox.e2e.test.ts'],
    globalSetup: ['test/e2e/firefox-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A failure here should be read, not retried away.
    retry: 0,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/results/e2e-firefox.json' },
  },
});
