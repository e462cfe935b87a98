/**
 * `npm run demo`'s arguments. Without any it plays the tour and writes its screenshots to
 * test-artifacts/demo/; `--readme` also copies the ones the README shows into docs/screenshots/;
 * `--store` writes the store listing's screenshots instead (store-assets.ts).
 */
export interface DemoOptions {
  readonly readme: boolean;
  readonly store: boolean;
}

export const DEMO_USAGE = 'Usage: npm run demo [-- --readme | -- --store]';

export function parseDemoArgs(args: readonly string[]): DemoOptions {
  const known = new Set(['--readme', '--store']);
  const unknown = args.filter((arg) => !known.has(arg));
  if (unknown.length > 0) throw new Error(`Unknown argument ${unknown.map((arg) => JSON.stringify(arg)).join(', ')}.\n${DEMO_USAGE}`);
  const options = { readme: args.includes('--readme'), store: args.includes('--store') };
  // The store run plays no tour of its own in English: there is nothing to copy into the README.
  if (options.readme && options.store) throw new Error(`--readme and --store are separate runs.\n${DEMO_USAGE}`);
  return options;
}
