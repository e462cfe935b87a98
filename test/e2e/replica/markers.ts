/**
 * Unique strings that the replica puts where private data lives on the real site. The extension
 * must never keep any of them: the privacy spec searches everything it stored for each one.
 * Multi-byte characters are part of the markers on purpose (the stream is cut inside them).
 */
export const TOKEN_MARKER = 'test-token-DO-NOT-LEAK-4b1d9e';
export const COOKIE_MARKER = 'cookie-DO-NOT-LEAK-8c2f71';
export const TITLE_MARKER = 'Title-DO-NOT-LEAK-3e5a0c «Zażółć»';
export const ASSISTANT_TEXT_MARKER = 'Assistant-text-DO-NOT-LEAK-9d04b2 — gęślą jaźń 🎨';
export const USER_PROMPT_MARKER = 'User-prompt-DO-NOT-LEAK-61f7aa: draw a cat ✏️';

/** Every marker with what it stands for, for the privacy assertions. */
export const PRIVATE_MARKERS: ReadonlyArray<[what: string, marker: string]> = [
  ['auth token', TOKEN_MARKER],
  ['cookie', COOKIE_MARKER],
  ['conversation title', TITLE_MARKER],
  ['assistant message text', ASSISTANT_TEXT_MARKER],
  ['user message text', USER_PROMPT_MARKER],
];
