/**
 * A real finding is a few KB; the schemas allow far more (64 features with long texts), which
 * could be sent again and again to keep the background busy and its storage rewriting. Larger
 * messages are dropped by the relay and, again, by the background.
 */
export const MAX_MESSAGE_CHARS = 32 * 1024;

/** The length of a message as JSON, or Infinity when it cannot be written as JSON at all. */
export function messageChars(message: unknown): number {
  try {
    return JSON.stringify(message)?.length ?? Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
