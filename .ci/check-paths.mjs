// Fails when a tracked file refers to a place outside the repository: the development workspace
// beside it (its folder named shared, one level up) or an absolute path of someone's machine. A
// plain clone has neither, so a test, script or doc that reads or names one works only on the
// machine it was written on.
// Runs first in `npm test` (and so in .ci/run). Usage: node .ci/check-paths.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What points outside: each with the reason, printed next to every hit. */
const OUTSIDE = [
  { pattern: /\.\.[\\/]shared\b/, why: 'the development workspace beside the repository' },
  { pattern: /(^|[^\w.])\/work\//, why: 'an absolute path of the development machine' },
  { pattern: /(^|[^\w.])\/(home|Users)\/[\w.-]+/, why: "an absolute path in someone's home folder" },
  { pattern: /(^|[^\w.])\/root\//, why: "an absolute path in root's home folder" },
  { pattern: /\b[A-Z]:\\(Users|Documents and Settings)\\/i, why: 'an absolute Windows user path' },
];

// This file spells the patterns out in its comments and messages; nothing else is exempt.
const SELF = '.ci/check-paths.mjs';

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
const hits = [];
for (const file of files) {
  if (file === SELF) continue;
  const bytes = readFileSync(file);
  if (bytes.includes(0)) continue; // binary (images): no path text to read
  bytes
    .toString('utf8')
    .split('\n')
    .forEach((line, index) => {
      for (const { pattern, why } of OUTSIDE) {
        if (pattern.test(line)) hits.push(`${file}:${index + 1}: ${why}: ${line.trim().slice(0, 160)}`);
      }
    });
}

if (hits.length > 0) {
  console.error(`check-paths: ${hits.length} reference(s) to places outside the repository:`);
  for (const hit of hits) console.error(`  ${hit}`);
  process.exitCode = 1;
} else {
  console.log(`check-paths: ${files.length} tracked files, none refers outside the repository`);
}
