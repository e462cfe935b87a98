import { describe, expect, it } from 'vitest';
import { findingFromInitBody } from '../../../lib/page/page-findings';
import { readingFromPickedQuota, type ParseResult } from '../../../lib/core/parse-quota-object';
import { readingFromQuotaObject } from './reading-from-quota-object';
import type { Reading } from '../../../lib/core/quota-types';
import { fixtureBytes, fixtureJson, fixtureNames, fixtureText, type FixtureFolder } from '../fixtures';
import { readingsFromStream } from './stream-readings';

/**
 * Every capture in test/fixtures (real/ and synthetic/), read the way the extension reads it: JSON bodies as the init
 * endpoint's object, *.sse.txt through the scanner. The expected readings are written out by hand
 * from the files (epoch milliseconds computed independently with `date -u -d ... +%s%3N`).
 */

const RECEIVED_AT = 1_790_000_000_000;

type Expected =
  | { kind: 'json'; result: Omit<Reading, 'source' | 'receivedAt'> | 'rejected' }
  | { kind: 'stream'; readings: Omit<Reading, 'source' | 'receivedAt'>[] }
  | { kind: 'skipped'; why: string };

const EXPECTED: Record<string, Expected> = {
  'real/blocked_image_gen_free_partial.json': {
    kind: 'json',
    result: {
      features: null,
      blocked: [
        {
          name: 'image_gen',
          resetsAt: null,
          resetsAfterText: 'in 18 hours',
          limit: null,
          description: 'Upgrade to ChatGPT Plus or try again tomorrow.',
          reason: null,
        },
      ],
      modelLimits: null,
      defaultModel: null,
      unknownFields: [],
    },
  },
  'real/http429_model_cap_exceeded_legacy.json': { kind: 'json', result: 'rejected' },
  'real/init_blocked_file_upload_model_limits_2026-09.json': {
    kind: 'json',
    result: {
      features: [
        { name: 'deep_research', remaining: 5, resetsAt: 1792082527853 },
        { name: 'file_upload', remaining: 0, resetsAt: 1789544772853 },
        { name: 'image_gen', remaining: 3, resetsAt: 1789576927853 },
      ],
      blocked: [
        {
          name: 'file_upload',
          resetsAt: 1789544772855,
          resetsAfterText: null,
          limit: null,
          description: "You've hit your file limit.",
          reason: null,
        },
      ],
      modelLimits: [{ model: 'gpt-5-6', fallback: 'gpt-5-6', resetsAt: 1789492683131, description: null }],
      defaultModel: 'auto',
      unknownFields: [],
    },
  },
  'real/init_pro_without_type_2026-09.json': {
    kind: 'json',
    result: {
      features: [
        { name: 'deep_research', remaining: 250, resetsAt: 1791953957684 },
        { name: 'image_gen', remaining: 867, resetsAt: 1789385735684 },
      ],
      blocked: null,
      modelLimits: null,
      defaultModel: null,
      unknownFields: [],
    },
  },
  'real/stream_cdm_cap_reached_free_2026-09.sse.txt': {
    kind: 'stream',
    readings: [
      {
        features: [{ name: 'reason', remaining: 0, resetsAt: 1789694320683 }],
        blocked: [
          { name: 'file_upload', resetsAt: 1789694320634, resetsAfterText: 'in 5 hours', limit: 5, description: null, reason: null },
          { name: 'image_gen', resetsAt: 1789694320658, resetsAfterText: 'in 5 hours', limit: 3, description: null, reason: null },
        ],
        modelLimits: [{ model: 'gpt-5-6', fallback: 'gpt-5-6', resetsAt: 1789694320605, description: null }],
        defaultModel: 'auto',
        unknownFields: [],
      },
    ],
  },
  'real/stream_image_gen_turn_plus_2026-04.sse.txt': {
    kind: 'stream',
    readings: [
      {
        features: [
          { name: 'deep_research', remaining: 25, resetsAt: 1779623852443 },
          { name: 'odyssey', remaining: 40, resetsAt: 1779623852443 },
          { name: 'file_upload', remaining: 80, resetsAt: 1777042652443 },
          { name: 'paste_text_to_file', remaining: 80, resetsAt: 1777042652443 },
          { name: 'image_gen', remaining: 117, resetsAt: 1777116695443 },
        ],
        blocked: [],
        modelLimits: [],
        defaultModel: 'gpt-5-3',
        // conversation_id, banner_info and atlas_mode_enabled are known non-quota fields.
        unknownFields: [],
      },
    ],
  },
  'real/tool_image_cooldown.json': { kind: 'json', result: 'rejected' },
  'real/tool_image_success.json': { kind: 'json', result: 'rejected' },
  // A handed-off turn ends before its quota event (protocol.md section 1): no reading.
  // Codex usage bodies are no quota object; their own tables are in parse-codex-usage.test.ts.
  'synthetic/codex-usage-credits-only.json': { kind: 'json', result: 'rejected' },
  'synthetic/codex-usage-full.json': { kind: 'json', result: 'rejected' },
  'synthetic/codex-usage-missing-windows.json': { kind: 'json', result: 'rejected' },
  'synthetic/codex-usage-nulls.json': { kind: 'json', result: 'rejected' },
  'synthetic/codex-usage-odd-types.json': { kind: 'json', result: 'rejected' },
  'synthetic/codex-usage-per-model.json': { kind: 'json', result: 'rejected' },
  'synthetic/codex-usage-odd-limits.json': { kind: 'json', result: 'rejected' },
  // Memories bodies are no quota object either; their table is in parse-memory.test.ts.
  'synthetic/memories-full.json': { kind: 'json', result: 'rejected' },
  'synthetic/memories-odd.json': { kind: 'json', result: 'rejected' },
  'synthetic/stream_handoff.sse.txt': { kind: 'stream', readings: [] },
  'synthetic/tool_image_quota_refusal_en.json': { kind: 'json', result: 'rejected' },
  'synthetic/websocket_turn_frames.jsonl': { kind: 'skipped', why: 'WebSocket frames are read by a later feature' },
};

const FILES = (['real', 'synthetic'] as FixtureFolder[]).flatMap((folder) =>
  fixtureNames(folder).map((name) => ({ folder, name, key: `${folder}/${name}` })),
);

function accepted(reading: Omit<Reading, 'source' | 'receivedAt'>, source: Reading['source']): ParseResult {
  return { ok: true, reading: { source, receivedAt: RECEIVED_AT, ...reading } };
}

describe('every fixture file has an expectation', () => {
  it('the table lists exactly the files in test/fixtures/real and synthetic', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(FILES.map((file) => file.key).sort());
  });

  it('real/ is not empty (the fixtures folder was found)', () => {
    expect(fixtureNames('real').length).toBeGreaterThanOrEqual(8);
  });
});

describe.each(FILES.filter((file) => EXPECTED[file.key]?.kind === 'json'))('$key as an init body', ({ folder, name, key }) => {
  const expected = EXPECTED[key] as Extract<Expected, { kind: 'json' }>;
  const text = fixtureText(folder, name);

  it('readingFromQuotaObject gives the expected reading', () => {
    const result = readingFromQuotaObject(JSON.parse(text), { source: 'init', receivedAt: RECEIVED_AT });
    if (expected.result === 'rejected') expect(result.ok).toBe(false);
    else expect(result).toEqual(accepted(expected.result, 'init'));
  });

  it('the page finding of the body, parsed again in the background, agrees', () => {
    const finding = findingFromInitBody(text);
    if (expected.result === 'rejected') {
      expect(finding).toEqual({ kind: 'ignored', carrier: 'init', reason: 'no quota fields' });
      return;
    }
    expect(finding.kind).toBe('quota');
    if (finding.kind !== 'quota') return;
    expect(readingFromPickedQuota(finding.quota, { source: 'init', receivedAt: RECEIVED_AT })).toEqual(accepted(expected.result, 'init'));
  });
});

describe.each(FILES.filter((file) => EXPECTED[file.key]?.kind === 'stream'))('$key as a chat-turn stream', ({ folder, name, key }) => {
  const expected = EXPECTED[key] as Extract<Expected, { kind: 'stream' }>;

  it.each(['stream', 'resume'] as const)('gives the expected readings from the %s carrier', (source) => {
    const results = readingsFromStream([fixtureBytes(folder, name)], RECEIVED_AT, source);
    expect(results).toEqual(expected.readings.map((reading) => accepted(reading, source)));
  });
});

/** The init response quoted in the original protocol notes (docs/protocol.md, the quota object). */
const SEED_EXAMPLE = fixtureJson('documented', 'init_seed_example_2026-04.json');

describe("the seed's documented init response", () => {
  it('reads every feature; an empty reset_after is unknown (null), not now', () => {
    expect(readingFromQuotaObject(SEED_EXAMPLE, { source: 'init', receivedAt: RECEIVED_AT })).toEqual(
      accepted(
        {
          features: [
            { name: 'deep_research', remaining: 25, resetsAt: null },
            { name: 'odyssey', remaining: 40, resetsAt: null },
            { name: 'file_upload', remaining: 80, resetsAt: null },
            { name: 'paste_text_to_file', remaining: 80, resetsAt: null },
            { name: 'image_gen', remaining: 68, resetsAt: 1776449751000 },
          ],
          blocked: [],
          modelLimits: [],
          defaultModel: 'gpt-5-3',
          unknownFields: [],
        },
        'init',
      ),
    );
  });

  it('reads the same through the init body path', () => {
    const finding = findingFromInitBody(JSON.stringify(SEED_EXAMPLE));
    expect(finding.kind).toBe('quota');
    if (finding.kind !== 'quota') return;
    expect(readingFromPickedQuota(finding.quota, { source: 'init', receivedAt: RECEIVED_AT })).toEqual(
      readingFromQuotaObject(SEED_EXAMPLE, { source: 'init', receivedAt: RECEIVED_AT }),
    );
  });
});
