/**
 * The byte budgets, gzip -9 (bytes), in one table: the built check (test/meta/built-content-scripts.test.ts)
 * holds the build to them and the bench's report (bench-report.ts) prints each figure against its budget.
 */
export const BYTE_BUDGETS = {
  /** Every content script of a chatgpt.com page with the page chip off (the default), in all. */
  pageChipOff: 13_000,
  /** The MAIN-world interceptor. */
  interceptor: 7_500,
  /** The page chip's script, registered only while it is on. */
  chip: 9_000,
  /** What popup.html loads before its first paint. */
  popupFirstChunk: 16_000,
} as const;
