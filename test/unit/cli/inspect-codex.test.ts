import { describe, expect, it } from 'vitest';
import { codexBodyText } from '../core/codex-bodies';
import { fixtureText } from '../fixtures';
import { inspect, jsonLines, writeTemporary } from './run-inspector';

/** The inspector on saved Codex usage bodies (/backend-api/wham/usage), alone and inside a HAR. */

const FULL = writeTemporary('codex-usage.json', codexBodyText('codex-usage-full.json'));

describe('a saved Codex usage body', () => {
  it('prints its windows and credits as a table', async () => {
    const run = await inspect([FULL], 'Asia/Shanghai');
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([]);
    expect(run.stdout).toEqual([
      FULL,
      'CODEX WINDOW               LIMIT        LENGTH  USED   LEFT   REACHED  RESETS (LOCAL)          RESETS (UTC)          FROM   SEEN',
      'codex:primary              main         5 h     37%    63%    no       2026-09-21 23:13 GMT+8  2026-09-21 15:13 UTC  codex  unknown',
      'codex:secondary            main         7 d     12.5%  87.5%  no       2026-09-27 17:06 GMT+8  2026-09-27 09:06 UTC  codex  unknown',
      'codex:code_review_primary  code_review  7 d     0%     100%   no       2026-09-26 13:20 GMT+8  2026-09-26 05:20 UTC  codex  unknown',
      'credits: 12.5 (has credits: yes, unlimited: no, ~messages local unknown, cloud unknown, spend limit reached: unknown)',
    ]);
  });

  it('gives JSON lines a windows field of { name, limit, limitName, usedPercent, reached, resetsAt, windowSeconds }', async () => {
    const [line] = jsonLines(await inspect(['--json', FULL]));
    expect(line).toMatchObject({ source: 'codex', features: [], blocked: [], resetCredits: null, memory: null });
    const main = { limit: 'main', limitName: null, reached: false };
    expect(line?.windows).toEqual([
      { name: 'codex:primary', ...main, usedPercent: 37, resetsAt: '2026-09-21T15:13:20.000Z', windowSeconds: 18000 },
      { name: 'codex:secondary', ...main, usedPercent: 12.5, resetsAt: '2026-09-27T09:06:40.000Z', windowSeconds: 604800 },
      {
        name: 'codex:code_review_primary',
        ...main,
        limit: 'code_review',
        usedPercent: 0,
        resetsAt: '2026-09-26T05:20:00.000Z',
        windowSeconds: 604800,
      },
    ]);
  });

  it('a body with a per-model limit, reset credits and the weekly window in the primary slot', async () => {
    const file = writeTemporary('codex-per-model.json', codexBodyText('codex-usage-per-model.json'));
    const [line] = jsonLines(await inspect(['--json', file]));
    const spark = { limit: 'model-gpt-5-3-codex-spark', limitName: 'GPT-5.3-Codex-Spark' };
    expect(line?.windows).toEqual([
      {
        name: 'codex:secondary',
        limit: 'main',
        limitName: null,
        usedPercent: 41,
        reached: false,
        resetsAt: '2026-09-27T09:06:40.000Z',
        windowSeconds: 604800,
      },
      {
        name: 'codex:model-gpt-5-3-codex-spark/18000',
        ...spark,
        usedPercent: 92,
        reached: true,
        resetsAt: '2026-09-21T15:13:20.000Z',
        windowSeconds: 18000,
      },
      {
        name: 'codex:model-gpt-5-3-codex-spark/604800',
        ...spark,
        usedPercent: 55,
        reached: false,
        resetsAt: '2026-09-26T05:20:00.000Z',
        windowSeconds: 604800,
      },
    ]);
    expect(line?.resetCredits).toEqual({ available: 2, expiresAt: ['2026-09-25T01:33:20.000Z', '2026-10-02T00:13:20.000Z'] });
    const table = (await inspect([file], 'UTC')).stdout;
    expect(table).toContain(
      'credits: 8.25 (has credits: yes, unlimited: no, ~messages local 40-200, cloud 10-50, spend limit reached: no)',
    );
    expect(table).toContain('reset credits: 2 (unused ones expire: 2026-09-25 01:33 UTC, 2026-10-02 00:13 UTC)');
    expect(table.join('\n')).not.toContain('FAKE-user-id-placeholder');
  });
});

describe('a saved memories body', () => {
  it('prints how full memory is, and a memory field in JSON lines; never a memory', async () => {
    const file = writeTemporary('memories.json', fixtureText('synthetic', 'memories-full.json'));
    const table = await inspect([file]);
    expect(table.stdout).toEqual([file, 'memory: 83% full (4150 of 5000 tokens)']);
    const [line] = jsonLines(await inspect(['--json', file]));
    expect(line).toMatchObject({ source: 'memory', windows: [], memory: { usedTokens: 4150, maxTokens: 5000, percentFull: 83 } });
    for (const output of [table.stdout.join('\n'), JSON.stringify(line)]) expect(output).not.toContain('Synthetic memory text');
  });
});

describe('a saved Codex usage body in a HAR', () => {
  it('reads the endpoint in a HAR, with its entry time, and not its error answers', async () => {
    const entry = (seconds: number, status: number, text: string) => ({
      startedDateTime: `2026-09-15T10:00:0${seconds}.000Z`,
      request: {
        method: 'GET',
        url: 'https://chatgpt.com/backend-api/wham/usage',
        headers: [{ name: 'authorization', value: 'Bearer secret-token' }],
      },
      response: { status, headers: [], content: { mimeType: 'application/json', text } },
    });
    const har = writeTemporary(
      'codex.har',
      JSON.stringify({ log: { entries: [entry(1, 200, codexBodyText('codex-usage-missing-windows.json')), entry(2, 401, '{}')] } }),
    );
    const run = await inspect(['--json', har]);
    expect(jsonLines(run).map((line) => [line.at, (line.windows as unknown[]).length])).toEqual([['2026-09-15T10:00:01.000Z', 1]]);
    expect(run.stderr).toEqual([`note: ${har}: entry 2 (codex-usage): HTTP 401`]);
    expect(run.stdout.join('\n')).not.toContain('secret-token');
  });
});
