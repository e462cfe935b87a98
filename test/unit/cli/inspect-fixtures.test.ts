import { describe, expect, it } from 'vitest';
import { fixtureNames } from '../fixtures';
import { fixturePath, inspect, jsonLines } from './run-inspector';

/**
 * The inspector over every capture in test/fixtures/real and synthetic, one file at a time. Expected values are
 * read off the files by hand (reset times: the ISO text cut to milliseconds).
 */

interface Expected {
  code: number;
  sources: string[];
  stderr: RegExp[];
}

const NO_READING = /: no quota reading in this file$/;

const EXPECTED: Record<string, Expected> = {
  'real/blocked_image_gen_free_partial.json': { code: 0, sources: ['init'], stderr: [] },
  'real/http429_model_cap_exceeded_legacy.json': {
    code: 0,
    sources: ['http429'],
    // clears_in 9665 s; the body alone does not say when it was received.
    stderr: [/: http429: resets 2 hr 41 min after the response arrived; the file does not say when that was$/],
  },
  'real/init_blocked_file_upload_model_limits_2026-09.json': { code: 0, sources: ['init'], stderr: [] },
  'real/init_pro_without_type_2026-09.json': { code: 0, sources: ['init'], stderr: [] },
  'real/stream_cdm_cap_reached_free_2026-09.sse.txt': { code: 0, sources: ['stream'], stderr: [] },
  'real/stream_image_gen_turn_plus_2026-04.sse.txt': { code: 0, sources: ['stream'], stderr: [] },
  'real/tool_image_cooldown.json': { code: 0, sources: [], stderr: [/: image_gen cooldown of 1 hr \(not a quota reading\)$/, NO_READING] },
  'real/tool_image_success.json': { code: 0, sources: [], stderr: [NO_READING] },
  'synthetic/codex-usage-credits-only.json': { code: 0, sources: ['codex'], stderr: [] },
  'synthetic/codex-usage-full.json': { code: 0, sources: ['codex'], stderr: [] },
  'synthetic/codex-usage-missing-windows.json': { code: 0, sources: ['codex'], stderr: [] },
  'synthetic/codex-usage-nulls.json': { code: 0, sources: ['codex'], stderr: [] },
  'synthetic/codex-usage-odd-types.json': { code: 0, sources: ['codex'], stderr: [] },
  'synthetic/codex-usage-per-model.json': { code: 0, sources: ['codex'], stderr: [] },
  'synthetic/codex-usage-odd-limits.json': { code: 0, sources: ['codex'], stderr: [] },
  'synthetic/memories-full.json': { code: 0, sources: ['memory'], stderr: [] },
  'synthetic/memories-odd.json': { code: 0, sources: ['memory'], stderr: [] },
  'synthetic/stream_handoff.sse.txt': { code: 0, sources: [], stderr: [NO_READING] },
  'synthetic/tool_image_quota_refusal_en.json': {
    code: 0,
    sources: ['refusal'],
    stderr: [/: refusal: resets 14 hr 2 min after the response arrived/],
  },
  // Frames of one socket, read as the extension reads them: the replayed item (s3 twice) is one reading.
  'synthetic/websocket_turn_frames.jsonl': { code: 0, sources: ['websocket'], stderr: [] },
};

const ALL_FIXTURES = [
  ...fixtureNames('real').map((name) => `real/${name}`),
  ...fixtureNames('synthetic').map((name) => `synthetic/${name}`),
];

describe('every fixture', () => {
  it('has an expectation', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(ALL_FIXTURES.sort());
  });

  it.each(ALL_FIXTURES)('%s', async (name) => {
    const expected = EXPECTED[name]!;
    const run = await inspect(['--json', fixturePath(name)]);
    expect(run.code).toBe(expected.code);
    expect(jsonLines(run).map((line) => line.source)).toEqual(expected.sources);
    expect(run.stderr).toHaveLength(expected.stderr.length);
    expected.stderr.forEach((pattern, index) => expect(run.stderr[index]).toMatch(pattern));
  });
});

describe('readings, field by field', () => {
  it('an init response: counts, resets, blocks, model limits, default model', async () => {
    const file = fixturePath('real/init_blocked_file_upload_model_limits_2026-09.json');
    expect(jsonLines(await inspect(['--json', file]))).toEqual([
      {
        source: 'init',
        file,
        at: null,
        features: [
          { name: 'deep_research', remaining: 5, resetsAt: '2026-10-15T16:42:07.853Z', blocked: false },
          // blocked_features names it: blocked, whatever limits_progress says.
          { name: 'file_upload', remaining: 0, resetsAt: '2026-09-16T07:46:12.853Z', blocked: true },
          { name: 'image_gen', remaining: 3, resetsAt: '2026-09-16T16:42:07.853Z', blocked: false },
        ],
        blocked: [{ name: 'file_upload', resetsAt: '2026-09-16T07:46:12.855Z', description: "You've hit your file limit." }],
        modelLimits: [{ model: 'gpt-5-6', fallback: 'gpt-5-6', resetsAt: '2026-09-15T17:18:03.131Z' }],
        defaultModel: 'auto',
        model: null,
        windows: [],
        resetCredits: null,
        memory: null,
      },
    ]);
  });

  it('a stream that hit a cap: one feature listed, two blocked without a count', async () => {
    const [line] = jsonLines(await inspect(['--json', fixturePath('real/stream_cdm_cap_reached_free_2026-09.sse.txt')]));
    expect(line?.features).toEqual([{ name: 'reason', remaining: 0, resetsAt: '2026-09-18T01:18:40.683Z', blocked: false }]);
    expect(line?.blocked).toEqual([
      { name: 'file_upload', resetsAt: '2026-09-18T01:18:40.634Z', description: null },
      { name: 'image_gen', resetsAt: '2026-09-18T01:18:40.658Z', description: null },
    ]);
  });

  it('a refusal or a 429 without a capture time: the reset is unknown, not now', async () => {
    const [refusal] = jsonLines(await inspect(['--json', fixturePath('synthetic/tool_image_quota_refusal_en.json')]));
    expect(refusal?.features).toEqual([{ name: 'image_gen', remaining: 0, resetsAt: null, blocked: false }]);
    const [modelCap] = jsonLines(await inspect(['--json', fixturePath('real/http429_model_cap_exceeded_legacy.json')]));
    expect(modelCap?.blocked).toEqual([{ name: 'model_cap', resetsAt: null, description: null }]);
  });
});

describe('the table', () => {
  it('shows each reset in the local zone and in UTC, and who is blocked', async () => {
    const file = fixturePath('real/init_blocked_file_upload_model_limits_2026-09.json');
    const run = await inspect([file], 'Asia/Shanghai');
    expect(run.stdout).toEqual([
      file,
      'FEATURE        REMAINING  RESETS (LOCAL)          RESETS (UTC)          BLOCKED  FROM  SEEN',
      'deep_research  5          2026-10-16 00:42 GMT+8  2026-10-15 16:42 UTC  no       init  unknown',
      'file_upload    0          2026-09-16 15:46 GMT+8  2026-09-16 07:46 UTC  yes      init  unknown',
      'image_gen      3          2026-09-17 00:42 GMT+8  2026-09-16 16:42 UTC  no       init  unknown',
      '',
      'MODEL LIMIT  FALLS BACK TO  RESETS (LOCAL)          RESETS (UTC)          FROM  SEEN',
      'gpt-5-6      gpt-5-6        2026-09-16 01:18 GMT+8  2026-09-15 17:18 UTC  init  unknown',
      '',
      'DEFAULT MODEL  FROM  SEEN',
      'auto           init  unknown',
    ]);
  });

  it("gives a blocked feature's reset in the site's own words when that is all there is", async () => {
    const run = await inspect([fixturePath('real/blocked_image_gen_free_partial.json')]);
    expect(run.stdout[2]).toMatch(/^image_gen\s+-\s+"in 18 hours"\s+unknown\s+yes\s+init\s+unknown$/);
  });

  it('separates files with a blank line and prints nothing for a file without readings', async () => {
    const first = fixturePath('real/init_pro_without_type_2026-09.json');
    const empty = fixturePath('real/tool_image_success.json');
    const last = fixturePath('real/stream_cdm_cap_reached_free_2026-09.sse.txt');
    const run = await inspect([first, empty, last]);
    expect(run.stdout.filter((line) => [first, empty, last].includes(line))).toEqual([first, last]);
    expect(run.stdout[run.stdout.indexOf(last) - 1]).toBe('');
    expect(run.stderr).toEqual([`note: ${empty}: no quota reading in this file`]);
  });
});
