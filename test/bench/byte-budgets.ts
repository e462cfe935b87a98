/**
 * The byte budgets of issue 24, gzip -9 bytes of the built files: one table for the check that
 * fails the build (test/meta/built-content-scripts.test.ts, `npm run test:built`) and the bench's
 * report of the same weights (bench-report.ts).
 */
export const BYTE_BUDGETS = {
  /** Every content script a chatgpt.com page loads while the page chip is off (the default). */
  pageChipOff: 13_000,
  /** The MAIN-world interceptor alone. */
  interceptor: 7_500,
  /** The page chip's script, registered only while the chip is on. */
  chip: 9_000,
  /** What popup.html loads before its first paint. */
  popupFirstChunk: 16_000,
} as const;
