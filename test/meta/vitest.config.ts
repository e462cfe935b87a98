import { defineConfig } from 'vitest/config';
// Loaded in vitest's main process, where the reporter runs (it needs Map.groupBy on Node 20).
import '../node20-polyfills.ts';

/** Checks of the built extension itself; `npm test` runs them after both builds (test/meta/). */
export default defineConfig({
  test: {
    include: ['test/meta/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/results/built.json' },
  },
});
