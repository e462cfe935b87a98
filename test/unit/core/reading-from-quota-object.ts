import { readingFromPickedQuota, type ParseResult } from '../../../lib/core/parse-quota-object';
import { pickQuotaFields } from '../../../lib/page/quota-fields';

/**
 * Any JSON value, as the page received it, through both halves the extension runs: the page's
 * pickQuotaFields, then the background's readingFromPickedQuota. Tests only: the extension
 * never runs the two in one place (the channel lies between them).
 */
export function readingFromQuotaObject(value: unknown, context: Parameters<typeof readingFromPickedQuota>[1]): ParseResult {
  const picked = pickQuotaFields(value);
  if (picked === null) return { ok: false, error: 'quota: not an object' };
  return readingFromPickedQuota(picked, context);
}
