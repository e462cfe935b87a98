import { readingsOfCapture } from './capture-readings';
import type { FoundReading } from './found-reading';
import { HELP_TEXT, parseInspectArguments, USAGE_LINE } from './inspect-arguments';
import { readingJson } from './reading-json';
import { readingsTable } from './readings-table';

/**
 * The inspector, with its environment as a parameter so that tests run it in-process: every
 * file is read in turn, a file that fails does not stop the others, and the exit status says
 * whether any failed.
 */

interface InspectIo {
  readFile(path: string): Promise<Uint8Array>;
  stdout(line: string): void;
  stderr(line: string): void;
  /** The zone of the "local" column; undefined: the process's zone (TZ). */
  timeZone?: string;
}

export const EXIT_OK = 0;
export const EXIT_UNREADABLE = 1;
export const EXIT_USAGE = 2;

function readError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return `cannot read the file${typeof code === 'string' ? ` (${code})` : ''}`;
}

/** Reads one file and writes its notes to stderr; null when it cannot be read or is of no known kind. */
async function readCapture(file: string, io: InspectIo): Promise<FoundReading[] | null> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    io.stderr(`error: ${file}: ${readError(error)}`);
    return null;
  }
  const report = readingsOfCapture(new TextDecoder().decode(bytes));
  if (report === null) {
    io.stderr(`error: ${file}: not a HAR, JSON, WebSocket-frames or SSE file`);
    return null;
  }
  for (const note of report.notes) io.stderr(`note: ${file}: ${note}`);
  if (report.readings.length === 0) io.stderr(`note: ${file}: no quota reading in this file`);
  return report.readings;
}

export async function runInspect(args: string[], io: InspectIo): Promise<number> {
  const parsed = parseInspectArguments(args);
  if (parsed.kind === 'help') {
    io.stdout(HELP_TEXT);
    return EXIT_OK;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(`error: ${parsed.message}`);
    io.stderr(`${USAGE_LINE} (--help for more)`);
    return EXIT_USAGE;
  }
  let allRead = true;
  let tablesPrinted = 0;
  for (const file of parsed.files) {
    const readings = await readCapture(file, io);
    if (readings === null) allRead = false;
    if (readings === null || readings.length === 0) continue;
    if (parsed.json) {
      for (const found of readings) io.stdout(JSON.stringify(readingJson(file, found)));
      continue;
    }
    if (tablesPrinted++ > 0) io.stdout('');
    for (const line of readingsTable(file, readings, io.timeZone)) io.stdout(line);
  }
  return allRead ? EXIT_OK : EXIT_UNREADABLE;
}
