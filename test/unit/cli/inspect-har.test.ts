import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../fixtures';
import { FIXTURE_NON_QUOTA_TEXT } from '../fixture-placeholders';
import { captureHar, SECRETS, startedAt } from './capture-har';
import { fixturePath, inspect, jsonLines, writeTemporary, type InspectRun } from './run-inspector';

/** The inspector over a HAR built from the fixtures (test/unit/cli/capture-har.ts). */

const HOUR = 3_600_000;
let harFile: string;
let harText: string;

beforeAll(() => {
  harText = JSON.stringify(captureHar(), null, 1);
  harFile = writeTemporary('session.har', harText);
});

describe('a HAR capture', () => {
  it('gives every carrier entry that the extension would read, in the order of the capture', async () => {
    const run = await inspect(['--json', harFile]);
    expect(run.code).toBe(0);
    expect(jsonLines(run).map((line) => [line.source, line.at])).toEqual([
      ['init', startedAt(2)],
      ['stream', startedAt(3)],
      ['stream', startedAt(5)],
      ['http429', startedAt(6)],
      ['init', startedAt(7)],
      ['refusal', startedAt(11)],
      ['resume', startedAt(12)],
    ]);
    expect(new Set(jsonLines(run).map((line) => line.file))).toEqual(new Set([harFile]));
  });

  it('reads a base64 body as the saved stream file it encodes', async () => {
    const fromHar = jsonLines(await inspect(['--json', harFile]))[1];
    const fromFile = jsonLines(await inspect(['--json', fixturePath('real/stream_image_gen_turn_plus_2026-04.sse.txt')]))[0];
    expect(fromHar?.features).toEqual(fromFile?.features);
    expect(fromHar?.defaultModel).toBe('gpt-5-3');
  });

  it("lists each turn's model on its reading: the captured Plus turn was answered by gpt-5-3; an init reading names none", async () => {
    const lines = jsonLines(await inspect(['--json', harFile]));
    expect(lines.map((line) => [line.source, line.model])).toEqual([
      ['init', null],
      ['stream', 'gpt-5-3'],
      ['stream', null],
      ['http429', null],
      ['init', null],
      ['refusal', null],
      ['resume', null],
    ]);
  });

  it('places delays on the entry time: the 429 clears_in and the refusal reset', async () => {
    const lines = jsonLines(await inspect(['--json', harFile]));
    const entry6 = Date.parse(startedAt(6));
    expect(lines[3]?.blocked).toEqual([{ name: 'model_cap', resetsAt: new Date(entry6 + 9665_000).toISOString(), description: null }]);
    // "resets in 14 hours and 2 minutes" (tool_image_quota_refusal_en.json)
    const entry11 = Date.parse(startedAt(11));
    expect(lines[5]?.features).toEqual([
      { name: 'image_gen', remaining: 0, resetsAt: new Date(entry11 + 14 * HOUR + 2 * 60_000).toISOString(), blocked: false },
    ]);
  });

  it('says why each carrier entry it skips was skipped, and leaves other requests alone', async () => {
    const run = await inspect(['--json', harFile]);
    expect(run.stderr).toEqual([
      `note: ${harFile}: entry 8 (resume): not text/event-stream`,
      `note: ${harFile}: entry 9 (init): HTTP 500`,
      `note: ${harFile}: entry 10 (stream): no response body in the HAR`,
    ]);
  });

  it('shows the entry and its time in the table', async () => {
    const run = await inspect([harFile], 'Asia/Shanghai');
    expect(run.stdout[0]).toBe(harFile);
    expect(run.stdout).toContainEqual(
      expect.stringMatching(
        /^file_upload\s+0\s+2026-09-16 15:46 GMT\+8\s+2026-09-16 07:46 UTC\s+yes\s+init, entry 2\s+2026-09-15 18:00:02 GMT\+8$/,
      ),
    );
    expect(run.stdout).toContainEqual(
      expect.stringMatching(/^model_cap\s+-\s+2026-09-15 20:41 GMT\+8\s+2026-09-15 12:41 UTC\s+yes\s+http429, entry 6\s/),
    );
    // Worked out from the refusal's "resets in 14 hours and 2 minutes": marked as an estimate.
    expect(run.stdout).toContainEqual(
      expect.stringMatching(/^image_gen\s+0\s+~2026-09-16 08:02 GMT\+8\s+~2026-09-16 00:02 UTC\s+no\s+refusal, entry 11\s/),
    );
  });
});

describe('privacy', () => {
  const everything = (runs: InspectRun[]) => runs.flatMap((run) => [...run.stdout, ...run.stderr]).join('\n');

  it('the capture does hold the private things', () => {
    for (const secret of Object.values(SECRETS)) expect(harText).toContain(secret);
    // Entry 3 holds this fixture in base64, with placeholders where its token, title and tool text were.
    const stream = fixtureText('real', 'stream_image_gen_turn_plus_2026-04.sse.txt');
    for (const text of FIXTURE_NON_QUOTA_TEXT) expect(stream).toContain(text);
  });

  it('prints no token, cookie, e-mail address, message text or title, in either output', async () => {
    const printed = everything([await inspect([harFile]), await inspect(['--json', harFile])]);
    expect(printed).toContain('image_gen');
    for (const secret of [...Object.values(SECRETS), ...FIXTURE_NON_QUOTA_TEXT, 'Bearer', 'private']) {
      expect(printed).not.toContain(secret);
    }
  });

  it('does not quote a rejected value or a broken file', async () => {
    const rejected = writeTemporary(
      'rejected.json',
      JSON.stringify({ limits_progress: [{ feature_name: 'image_gen', remaining: -987654 }] }),
    );
    const broken = writeTemporary('broken.json', `{"token": "${SECRETS.token}", oops`);
    const run = await inspect([rejected, broken]);
    expect(run.stderr.join('\n')).toContain('reading rejected: limits_progress.0.remaining');
    expect(everything([run])).not.toContain('987654');
    expect(everything([run])).not.toContain(SECRETS.token);
  });
});
