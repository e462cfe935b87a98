import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInspectArguments } from '../../../lib/cli/inspect-arguments';
import { EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE } from '../../../lib/cli/run-inspect';
import { fixtureText } from '../fixtures';
import { fixturePath, inspect, jsonLines, writeTemporary } from './run-inspector';

/** The command line: arguments, exit status, what a file must be, and the real process. */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const INIT = fixturePath('real/init_pro_without_type_2026-09.json');

describe('arguments', () => {
  it.each([
    [['a.har'], { kind: 'run', json: false, files: ['a.har'] }],
    [['--json', 'a.har', 'b.json'], { kind: 'run', json: true, files: ['a.har', 'b.json'] }],
    [['a.har', '--json'], { kind: 'run', json: true, files: ['a.har'] }],
    [['--', '--json', '-odd.sse'], { kind: 'run', json: false, files: ['--json', '-odd.sse'] }],
    [['--help'], { kind: 'help' }],
    [['a.har', '-h'], { kind: 'help' }],
    [[], { kind: 'usage-error', message: 'no file given' }],
    [['--json'], { kind: 'usage-error', message: 'no file given' }],
    [['--jsn', 'a.har'], { kind: 'usage-error', message: 'unknown option: --jsn' }],
    [['-'], { kind: 'usage-error', message: 'reading from stdin is not supported: name a file' }],
    [['--', '-'], { kind: 'usage-error', message: 'reading from stdin is not supported: name a file' }],
    [['-h', '-'], { kind: 'help' }],
    [['-', '--help'], { kind: 'usage-error', message: 'reading from stdin is not supported: name a file' }],
    [['--json', '--', '--help', '-h'], { kind: 'run', json: true, files: ['--help', '-h'] }],
    [['--', '--', 'a.har'], { kind: 'run', json: false, files: ['--', 'a.har'] }],
    [['a.har', '--', '-'], { kind: 'usage-error', message: 'reading from stdin is not supported: name a file' }],
    [['-odd.sse'], { kind: 'usage-error', message: 'unknown option: -odd.sse' }],
    [['./-odd.sse'], { kind: 'run', json: false, files: ['./-odd.sse'] }],
    [['--json', '--json', 'a.har'], { kind: 'run', json: true, files: ['a.har'] }],
    [['--json=yes', 'a.har'], { kind: 'usage-error', message: 'unknown option: --json=yes' }],
    [['--help=1'], { kind: 'usage-error', message: 'unknown option: --help=1' }],
    [['-hx'], { kind: 'usage-error', message: 'unknown option: -hx' }],
    [['-H', 'a.har'], { kind: 'usage-error', message: 'unknown option: -H' }],
    [['-j', 'a.har'], { kind: 'usage-error', message: 'unknown option: -j' }],
    [['--no-json', 'a.har'], { kind: 'usage-error', message: 'unknown option: --no-json' }],
    [['--JSON', 'a.har'], { kind: 'usage-error', message: 'unknown option: --JSON' }],
    [['-5'], { kind: 'usage-error', message: 'unknown option: -5' }],
    [['--jsn', '--help'], { kind: 'usage-error', message: 'unknown option: --jsn' }],
    [['--help', '--jsn'], { kind: 'help' }],
    [['--out', 'file.txt'], { kind: 'usage-error', message: 'unknown option: --out' }],
    [['a.har', '--verbose'], { kind: 'usage-error', message: 'unknown option: --verbose' }],
    [['--'], { kind: 'usage-error', message: 'no file given' }],
    [[''], { kind: 'run', json: false, files: [''] }],
  ])('%j', (args, expected) => {
    expect(parseInspectArguments(args)).toEqual(expected);
  });
});

describe('exit status', () => {
  it('--help prints the usage, the exit codes and the privacy rule on stdout', async () => {
    const run = await inspect(['--help']);
    expect(run.code).toBe(EXIT_OK);
    const help = run.stdout.join('\n');
    for (const text of ['Usage: npm run inspect -- [--json] <file>...', 'no quota reading in this file', '2  usage error', 'Privacy']) {
      expect(help).toContain(text);
    }
    expect(run.stderr).toEqual([]);
  });

  it('a usage error exits 2 and says why on stderr', async () => {
    const run = await inspect(['--jsn', INIT]);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stdout).toEqual([]);
    expect(run.stderr[0]).toBe('error: unknown option: --jsn');
  });

  it('a file that cannot be read exits 1, after the other files are done', async () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'inspect-test-')), 'missing.har');
    const directory = path.dirname(missing);
    const run = await inspect(['--json', missing, INIT, directory]);
    expect(run.code).toBe(EXIT_UNREADABLE);
    expect(jsonLines(run).map((line) => line.file)).toEqual([INIT]);
    expect(run.stderr).toEqual([`error: ${missing}: cannot read the file (ENOENT)`, `error: ${directory}: cannot read the file (EISDIR)`]);
  });

  it.each([
    ['empty.txt', ''],
    ['image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['truncated.har', '{"log": {"entries": [{"request": '],
    ['frames.jsonl', '{"type":"message"}\n{"type":"done"}\n'],
  ])('%s is not a HAR, JSON, WebSocket-frames or SSE file: exit 1', async (name, content) => {
    const file = writeTemporary(name, content);
    const run = await inspect([file]);
    expect(run.code).toBe(EXIT_UNREADABLE);
    expect(run.stderr).toEqual([`error: ${file}: not a HAR, JSON, WebSocket-frames or SSE file`]);
  });

  it('a valid file without a quota reading is not an error: a note, exit 0', async () => {
    const files = [writeTemporary('list.json', '[1, 2]'), writeTemporary('empty.har', '{"log":{"version":"1.2","entries":[]}}')];
    const run = await inspect(files);
    expect(run.code).toBe(EXIT_OK);
    expect(run.stderr).toEqual(files.map((file) => `note: ${file}: no quota reading in this file`));
  });
});

describe('what a file may look like', () => {
  it('reads JSON with a byte-order mark and a stream with CRLF line ends', async () => {
    const bom = writeTemporary('bom.json', `\uFEFF${fixtureText('real', 'init_pro_without_type_2026-09.json')}`);
    const crlf = writeTemporary('crlf.sse', fixtureText('real', 'stream_cdm_cap_reached_free_2026-09.sse.txt').replace(/\n/g, '\r\n'));
    const run = await inspect(['--json', bom, crlf]);
    expect(run.code).toBe(EXIT_OK);
    expect(jsonLines(run).map((line) => line.source)).toEqual(['init', 'stream']);
  });

  it('never lets a control character from a capture reach the terminal', async () => {
    const file = writeTemporary('escape.json', JSON.stringify({ limits_progress: [{ feature_name: 'image\u001b[2Jgen', remaining: 1 }] }));
    const table = await inspect([file]);
    expect(table.stdout.join('\n')).not.toContain('\u001b');
    expect(table.stdout[2]).toMatch(/^image\uFFFD\[2Jgen\s+1\s/);
    const json = await inspect(['--json', file]);
    expect(json.stdout[0]).toContain('image\\u001b[2Jgen');
  });
});

// Starting tsx takes seconds on a busy machine.
describe('the real command', { timeout: 60_000 }, () => {
  function runCommand(args: string[], env: Record<string, string> = {}) {
    return spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/inspect.ts', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
  }

  it('prints the table in the zone TZ names, and UTC beside it', () => {
    const result = runCommand([INIT], { TZ: 'Asia/Tokyo' });
    expect(result.status).toBe(EXIT_OK);
    expect(result.stdout).toMatch(/image_gen\s+867\s+2026-09-14 20:35 GMT\+9\s+2026-09-14 11:35 UTC\s+no/);
  });

  it('with --json, stdout is JSON lines only, and a bad file still sets exit 1', () => {
    const result = runCommand(['--json', INIT, fixturePath('real/tool_image_success.json'), 'no-such-file.har']);
    expect(result.status).toBe(EXIT_UNREADABLE);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { source: string }).source)).toEqual(['init']);
    expect(result.stderr).toContain('no quota reading in this file');
    expect(result.stderr).toContain('error: no-such-file.har: cannot read the file (ENOENT)');
  });

  it('takes a relative name from the folder npm was called in (INIT_CWD) and prints it as typed', () => {
    const result = runCommand(['--json', 'init_pro_without_type_2026-09.json'], { INIT_CWD: path.dirname(INIT) });
    expect(result.status).toBe(EXIT_OK);
    expect(JSON.parse(result.stdout)).toMatchObject({ source: 'init', file: 'init_pro_without_type_2026-09.json' });
  });
});
