/**
 * The synthetic strings that stand where the Plus image turn
 * (real/stream_image_gen_turn_plus_2026-04.sse.txt) held its resume token, generated title and tool
 * status text (test/fixtures/README.md). They are not quota data, so the tests use them as text
 * that must never come out of the page observer, the inspector or the extension; the fixtures
 * check (fixtures-data-only.test.ts) makes sure no other title or status text comes back.
 */
export const FIXTURE_PLACEHOLDERS = {
  /** Start of each of the token's three dot-separated parts, which keep the captured lengths. */
  resumeToken: 'FAKE-resume-token-',
  title: 'Synthetic Chat Name',
  cardTitle: 'Synthetic card title',
  statusText: 'Synthetic tool status text standing in for the captured one',
  /** The user id inside the image task id (`…:user-<id>-…`), same length as the captured one. */
  userId: 'user-FAKEuserIdPlaceholder000',
} as const;

/** Every placeholder, for "holds it" and "never prints it" loops. */
export const FIXTURE_NON_QUOTA_TEXT: readonly string[] = Object.values(FIXTURE_PLACEHOLDERS);
