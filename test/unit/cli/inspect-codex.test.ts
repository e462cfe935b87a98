import { describe, expect, it } from 'vitest';
import { codexBodyText } from '../core/codex-bodies';
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
      'CODEX WINDOW               LENGTH  USED   LEFT   RESETS (LOCAL)          RESETS (UTC)          FROM   SEEN',
      'codex:primary              5 h     37%    63%    2026-09-21 23:13 GMT+8  2026-09-21 15:13 UTC  codex  unknown',
      'codex:secondary            7 d     12.5%  87.5%  2026-09-27 17:06 GMT+8  2026-09-27 09:06 UTC  codex  unknown',
      'codex:code_review_primary  7 d     0%     100%   2026-09-26 13:20 GMT+8  2026-09-26 05:20 UTC  codex  unknown',
      'credits: 12.5 (has credits: yes, unlimited: no)',
    ]);
  });

  it('gives JSON lines a windows field of { name, usedPercent, resetsAt, windowSeconds }', async () => {
    const [line] = jsonLines(await inspect(['--json', FULL]));
    expect(line).toMatchObject({ source: 'codex', features: [], blocked: [] });
    expect(line?.windows).toEqual([
      { name: 'codex:primary', usedPercent: 37, resetsAt: '2026-09-21T15:13:20.000Z', windowSeconds: 18000 },
      { name: 'codex:secondary', usedPercent: 12.5, resetsAt: '2026-09-27T09:06:40.000Z', windowSeconds: 604800 },
      { name: 'codex:code_review_primary', usedPercent: 0, resetsAt: '2026-09-26T05:20:00.000Z', windowSeconds: 604800 },
    ]);
  });

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
