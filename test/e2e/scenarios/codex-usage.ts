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

/** Text that must never reach storage: planted in the bodies' fields the extension must not keep. */
export const PRIVATE_CANARIES = {
  email: 'canary.person@example.com',
  userId: 'user-CANARYuserId00000000',
  accountId: 'CANARY-account-id-0000',
  memoryText: 'CANARY memory text: the user keeps bees on the roof',
} as const;

/**
 * The synthetic body with a per-model limit (codex-usage-per-model.json: built from public
 * descriptions, not captured), as received at `now`, with an e-mail address, a user id and an
 * account id planted beside the limits: the weekly window alone in the primary slot (resets in 4
 * days), GPT-5.3-Codex-Spark's 5-hour window at 92% with limit_reached (resets in 3 hours) and its
 * weekly window (6 days), two unused reset credits (the first expires in 20 hours), a string balance.
 */
export function codexPerModelAsOf(now: number): unknown {
  const body = JSON.parse(syntheticCapture('codex-usage-per-model.json')) as {
    rate_limit: { primary_window: { reset_at: number } };
    additional_rate_limits: Array<{ rate_limit: Record<string, { reset_at: number }> }>;
    rate_limit_reset_credits: { credits: Array<{ expires_at: number }> };
  };
  const seconds = (hours: number) => Math.round(now / 1000 + hours * 3600);
  body.rate_limit.primary_window.reset_at = seconds(4 * 24);
  const spark = body.additional_rate_limits[0]!.rate_limit;
  spark.primary_window!.reset_at = seconds(3);
  spark.secondary_window!.reset_at = seconds(6 * 24);
  body.rate_limit_reset_credits.credits.forEach((credit, index) => (credit.expires_at = seconds([20, 200, -5][index] ?? 1)));
  return { ...body, email: PRIVATE_CANARIES.email, user_id: PRIVATE_CANARIES.userId, account_id: PRIVATE_CANARIES.accountId };
}

/** A memories body (memories-full.json: 4150 of 5000 tokens) whose memories hold canary text. */
export function memoriesWithCanaries(): unknown {
  const body = JSON.parse(syntheticCapture('memories-full.json')) as { memories: Array<{ id: string; content: string }> };
  body.memories.forEach((memory, index) => {
    memory.content = `${PRIVATE_CANARIES.memoryText} ${index}`;
    memory.id = `${PRIVATE_CANARIES.accountId}-${index}`;
  });
  return { ...body, email: PRIVATE_CANARIES.email };
}

/**
 * Every Codex field at once, for the popup's fit: the main 5-hour and weekly windows and code
 * review's (codex-usage-full.json), a model's two windows, reset credits and the messages the
 * balance buys (codex-usage-per-model.json), as received at `now`.
 */
export function codexFullBodyAsOf(now: number): unknown {
  const main = codexUsageAsOf(now, 37) as Record<string, unknown>;
  const { additional_rate_limits, rate_limit_reset_credits, credits, spend_control } = codexPerModelAsOf(now) as Record<string, unknown>;
  return { ...main, additional_rate_limits, rate_limit_reset_credits, credits, spend_control };
}
