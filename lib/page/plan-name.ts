/**
 * A plan name as the page states it (accounts/check's plan_type, a turn's server_ste_metadata): a
 * short non-empty string, else nothing. The bound is the page channel's (lib/channel/page-message-schema.ts).
 */
export const MAX_PLAN_LENGTH = 40;

export function planName(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PLAN_LENGTH ? value : null;
}
