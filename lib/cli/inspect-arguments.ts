/** The inspector's command line: `[--json] <file>...`, `--help`, and `--` before file names that start with "-". */

export type InspectArguments =
  | { kind: 'help' }
  | { kind: 'run'; json: boolean; files: string[] }
  | { kind: 'usage-error'; message: string };

export const USAGE_LINE = 'Usage: npm run inspect -- [--json] <file>...';

export const HELP_TEXT = `${USAGE_LINE}

Prints the quota readings in capture files, read with the extension's own parser (lib/),
so it shows exactly what the extension would read.

Each file can be:
  a HAR capture   every entry whose request path carries quotas (conversation/init,
                  f/conversation, f/conversation/resume; /backend-api or /backend-anon),
                  in the HAR's order; response bodies as text or base64. Entries are
                  counted from 1; the time of a reading is the entry's startedDateTime.
  a JSON file     a quota object (a conversation/init response), read as the init body.
  an SSE stream   a saved text/event-stream body of a chat turn, read as the stream.

Options:
  --json       one JSON object per reading per line on stdout, and nothing else:
               {"source","file","at","features","blocked","modelLimits","defaultModel"}
               with times in ISO 8601 UTC (null when unknown).
  -h, --help   show this help.

Without --json the readings are a table: feature, remaining, reset in local time and
in UTC, blocked, where the reading came from and when it was seen. Local time is the
zone in the TZ environment variable (TZ=UTC npm run inspect -- file).

Notes go to stderr and do not change the exit status:
  - "no quota reading in this file": a valid file without a quota object (a tool
    message, the legacy HTTP 429 body, a stream without conversation_detail_metadata);
  - a HAR entry the extension would skip (not 2xx, a stream not labelled
    text/event-stream, no body saved, an init body over 256 KB);
  - a quota object the extension's validation rejects (field path and rule only).

Exit status:
  0  every file was read, with or without readings
  1  some file could not be read, or is not a HAR, JSON or SSE file
     (the other files are still read and printed)
  2  usage error

Privacy: only fields of the parsed quota readings are printed, never the capture's own
text: no token, cookie, e-mail address, message text or title.`;

export function parseInspectArguments(args: string[]): InspectArguments {
  let json = false;
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      if (arg === '-') return { kind: 'usage-error', message: 'reading from stdin is not supported: name a file' };
      files.push(arg);
    } else if (arg === '--') optionsEnded = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else return { kind: 'usage-error', message: `unknown option: ${arg}` };
  }
  if (files.length === 0) return { kind: 'usage-error', message: 'no file given' };
  return { kind: 'run', json, files };
}
