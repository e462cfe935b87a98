import { syntheticCapture } from './captures';

/**
 * The synthetic Codex usage body (built from the public description, not captured: see
 * test/fixtures/README.md), with its reset times moved to read as received at `now`:
 * the 5-hour window resets in 3 hours, the weekly one in 4 days, code review's in 6 days. The
 * 5-hour window's share used is the body's (37%) unless `primaryUsed` is given.
 */
export function codexUsageAsOf(now: number, primaryUsed?: number): unknown {
  const body = JSON.parse(syntheticCapture('codex-usage-full.json')) as {
    rate_limit: Record<string, { reset_at: number; used_percent: number }>;
    code_review_rate_limit: Record<string, { reset_at: number } | null>;
  };
  const seconds = (hours: number) => Math.round(now / 1000 + hours * 3600);
  body.rate_limit.primary_window!.reset_at = seconds(3);
  body.rate_limit.secondary_window!.reset_at = seconds(4 * 24);
  body.code_review_rate_limit.primary_window!.reset_at = seconds(6 * 24);
  if (primaryUsed !== undefined) body.rate_limit.primary_window!.used_percent = primaryUsed;
  return body;
}
