import { parseArgs } from 'node:util';

/** The inspector's command line: `[--json] <file>...`, `--help`, and `--` before file names that start with "-". */

type InspectArguments = { kind: 'help' } | { kind: 'run'; json: boolean; files: string[] } | { kind: 'usage-error'; message: string };

export const USAGE_LINE = 'Usage: npm run inspect -- [--json] <file>...';

export const HELP_TEXT = `${USAGE_LINE}

Prints the quota readings in capture files, read with the extension's own parser (lib/),
so it shows exactly what the extension would read.

Each file can be:
  a HAR capture   every entry whose request path carries quotas (conversation/init,
                  f/conversation, conversation, f/conversation/resume; under /backend-api
                  or /backend-anon; and Codex's /backend-api/wham/usage), in the HAR's
                  order, bodies as text or base64. Entries
                  are counted from 1; a reading's time is its entry's startedDateTime.
  a JSON file     a quota object (a conversation/init response), a Codex usage body
                  (/backend-api/wham/usage: its 5-hour and weekly windows, credits), the
                  legacy HTTP 429 model_cap_exceeded body, or one event of a turn.
  an SSE stream   a saved text/event-stream body of a chat turn.
A JSON or SSE file does not say when it was received: its readings have no time.

Options:
  --json       one JSON object per reading per line on stdout, and nothing else:
               {"source","file","at","features","blocked","modelLimits","defaultModel",
               "model","windows"}; model is the model that answered a turn's reading; source is init, stream, resume, refusal, http429 or codex;
               windows are Codex's {"name","usedPercent","resetsAt","windowSeconds"};
               times are ISO 8601 UTC, null when unknown.
  -h, --help   show this help.

Without --json the readings are a table: feature, remaining, reset in local time and
in UTC, blocked, where the reading came from and when it was seen (Codex windows in a
table of their own: length, percent used and left, reset). Local time is the
zone in the TZ environment variable (TZ=Asia/Shanghai npm run inspect -- file).
"~" marks a reset worked out from a refusal's wording ("resets in 14 hours").

Notes go to stderr and do not change the exit status:
  - "no quota reading in this file": a valid file that holds none (a stream without
    conversation_detail_metadata, a tool message that is no refusal);
  - an image cooldown ("generating images too quickly"): told, but not a reading;
  - a refusal or 429 in a file without a time: its reset is a delay after a receipt
    time the file does not give, so the reset is unknown and the note gives the delay;
  - a HAR entry the extension would not read (a status other than 2xx or a turn's 429,
    a stream not labelled text/event-stream, no body saved, an init body over 256 KB);
  - a quota object the extension's validation rejects (field path and rule only).

Exit status:
  0  every file was read, with or without readings
  1  some file could not be read, or is not a HAR, JSON, WebSocket-frames or SSE file
     (the other files are still read and printed)
  2  usage error

Privacy: only fields of the parsed quota readings are printed, never the capture's own
text: no token, cookie, e-mail address, message text or title.`;

const OPTIONS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** The spellings accepted as written: parseArgs also takes `--json=x` and `-hx`, which stay unknown options. */
const KNOWN_SPELLINGS = new Set(['--json', '--help', '-h']);

/**
 * Reads the arguments with node:util's parseArgs, token by token so that the first of an unknown
 * option, `-` or `--help` decides, as the command line has always done. Not strict: an unknown
 * option is told in the inspector's own words (the usage line follows), not parseArgs' error.
 */
export function parseInspectArguments(args: string[]): InspectArguments {
  const { tokens } = parseArgs({ args, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  let json = false;
  const files: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (token.value === '-') return { kind: 'usage-error', message: 'reading from stdin is not supported: name a file' };
      files.push(token.value);
      continue;
    }
    // noUncheckedIndexedAccess: token.index always points into args; rawName is the fallback.
    const written = args[token.index] ?? token.rawName;
    if (!KNOWN_SPELLINGS.has(written)) return { kind: 'usage-error', message: `unknown option: ${written}` };
    if (token.name === 'help') return { kind: 'help' };
    json = true;
  }
  if (files.length === 0) return { kind: 'usage-error', message: 'no file given' };
  return { kind: 'run', json, files };
}
