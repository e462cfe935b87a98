import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import './test/node20-polyfills';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    setupFiles: ['test/unit/setup.ts'],
    restoreMocks: true,
    // Generous for a 2-core CI machine running builds beside the tests; no test here is timed.
    testTimeout: 20_000,
    // The JSON summary lets .ci/run print one closing "N passed, N failed" line for every suite.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/results/unit.json' },
  },
});
