import { afterEach, describe, expect, it } from 'vitest';
import { pickCodexUsage } from '../../../lib/page/codex-usage-fields';
import { installFetchObserver } from '../../../lib/page/fetch-observer';
import type { PageFinding } from '../../../lib/page/page-message';
import { codexBodyText } from '../core/codex-bodies';
import { fakeFetch, jsonResponse, readAllBytes, settle } from './fake-fetch';

/** What of a Codex usage body may leave the page, and how the interceptor reads it: as init, passively. */

const SECRET = 'user@example.com';
const FULL = codexBodyText('codex-usage-full.json');

describe('picking the Codex limit fields', () => {
  it('keeps only the described fields; other fields leave only as names, never values', () => {
    const body = {
      ...(JSON.parse(FULL) as object),
      email: SECRET,
      user_id: 'user-123',
      account_id: 'account-456',
      rate_limit: { primary_window: { used_percent: 5, reset_at: 1, limit_window_seconds: 18000, note: SECRET }, allowed: true },
      additional_rate_limits: [{ limit_name: 'Spark', owner: { email: SECRET }, rate_limit: { primary_window: { used_percent: 1 } } }],
      rate_limit_reset_credits: { available_count: 1, credits: [{ status: 'available', expires_at: 1, granted_to: SECRET }] },
    };
    const picked = pickCodexUsage(body);
    for (const secret of [SECRET, 'user-123', 'account-456']) expect(JSON.stringify(picked)).not.toContain(secret);
    expect(picked?.unknown_fields?.sort()).toEqual([
      'account_id',
      'additional_rate_limits[].owner',
      'email',
      'rate_limit.primary_window.note',
      'rate_limit_reset_credits.credits[].granted_to',
      'user_id',
    ]);
    expect(picked?.additional_rate_limits).toEqual([{ limit_name: 'Spark', rate_limit: { primary_window: { used_percent: 1 } } }]);
  });

  it('bounds depth and lists: a forged body cannot grow the finding', () => {
    let deep: unknown = { used_percent: 1 };
    for (let level = 0; level < 10; level++) deep = { rate_limit: deep };
    const picked = pickCodexUsage({ ...(deep as object), additional_rate_limits: Array.from({ length: 50 }, () => ({ limit_name: 'x' })) });
    expect(JSON.stringify(picked)).not.toContain('used_percent');
    expect(picked?.additional_rate_limits).toHaveLength(8);
  });

  it('picking again gives the same fields and keeps the drift names', () => {
    const once = pickCodexUsage({ ...(JSON.parse(FULL) as object), extra: 1 });
    expect(pickCodexUsage(once)).toEqual(once);
  });

  it('keeps at most eight windows a group, and strings within bounds', () => {
    const windows = Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`w${index}_window`, { used_percent: index }]));
    const picked = pickCodexUsage({ rate_limit: windows, plan_type: 'x'.repeat(600) });
    expect(Object.keys(picked?.rate_limit as object)).toHaveLength(8);
    expect(picked?.plan_type).toBeNull();
  });
});

describe('the interceptor on /backend-api/wham/usage', () => {
  let undo: () => void = () => undefined;
  afterEach(() => undo());

  function observe(answer: () => Response) {
    const reports: PageFinding[] = [];
    const { fetch, calls } = fakeFetch(() => Promise.resolve(answer()));
    const scope = { fetch };
    undo = installFetchObserver({
      scope,
      baseUrl: () => 'https://chatgpt.com/codex/settings/usage',
      report: (finding) => reports.push(finding),
    });
    return { scope, reports, calls };
  }

  it('reads the page’s own request from a clone; the page gets every byte; nothing is fetched', async () => {
    const { scope, reports, calls } = observe(() => jsonResponse(FULL));
    const response = await scope.fetch('/backend-api/wham/usage?client=web');
    expect(new TextDecoder().decode(await readAllBytes(response))).toBe(FULL);
    await settle();
    expect(calls).toHaveLength(1);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ kind: 'codex-usage', carrier: 'codex-usage', usage: { plan_type: 'plus' } });
  });

  it('an error status is a diagnostic, not a reading; a 429 is not the model cap', async () => {
    for (const status of [401, 429]) {
      const { scope, reports } = observe(() => jsonResponse('{"detail":{"code":"model_cap_exceeded","clears_in":60}}', status));
      await scope.fetch('https://chatgpt.com/backend-api/wham/usage');
      await settle();
      expect(reports).toEqual([{ kind: 'ignored', carrier: 'codex-usage', reason: `HTTP ${status}` }]);
      undo();
    }
  });

  it('a body declared over the bound is not cloned', async () => {
    const { scope, reports } = observe(
      () => new Response(FULL, { headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) } }),
    );
    await scope.fetch('/backend-api/wham/usage');
    await settle();
    expect(reports).toEqual([{ kind: 'ignored', carrier: 'codex-usage', reason: 'body too large' }]);
  });
});
