import { defineConfig } from 'vitest/config';

/** Checks of the built extension itself; `npm test` runs them after both builds (test/meta/). */
export default defineConfig({
  test: {
    include: ['test/meta/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/results/built.json' },
  },
});
