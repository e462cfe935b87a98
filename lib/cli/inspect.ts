import { readFile } from 'node:fs/promises';
import { runInspect } from './run-inspect';

/** `npm run inspect -- [--json] <file>...`: the command-line shell around runInspect. */
process.exitCode = await runInspect(process.argv.slice(2), {
  readFile: (path) => readFile(path),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
