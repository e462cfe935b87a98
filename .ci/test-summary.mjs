// Prints one closing line over every vitest suite that `npm test` ran ("N passed, N failed"),
// from the JSON reports the vitest configs write to test-artifacts/results/.
import { readdirSync, readFileSync } from 'node:fs';

const folder = new URL('../test-artifacts/results/', import.meta.url);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
