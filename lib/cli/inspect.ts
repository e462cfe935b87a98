import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runInspect } from './run-inspect';

/**
 * `npm run inspect -- [--json] <file>...`: the command-line shell around runInspect. npm runs
 * scripts in the package folder and says in INIT_CWD where it was called from, so relative
 * file names are taken from there, as the user typed them.
 */
const callerDirectory = process.env.INIT_CWD ?? process.cwd();

process.exitCode = await runInspect(process.argv.slice(2), {
  readFile: (file) => readFile(path.resolve(callerDirectory, file)),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
