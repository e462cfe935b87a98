import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsOf, importsOf, REPO_ROOT, sourceFiles } from './module-graph';

/**
 * Every lib/ export is imported by some file outside test/ (another lib/ file, components/,
 * entrypoints/ or a config file). An export only tests import is a second, test-only API: test
 * the public behaviour instead, or keep the name private. The allowlist names the exceptions,
 * each with why, decided once: a constant the tests must agree with, or a pure helper table-tested
 * directly (and its input type); anything else is tested through its caller or moves beside it.
 */

const ALLOWED = new Map<string, string>([
  // Constants a test must agree with: the test states the product's own rule, not a copy of it.
  ['lib/alerts/notification-policy.ts MAX_NOTICES_PER_HOUR', 'the flood tests count up to the cap'],
  ['lib/page/sse-scanner.ts EVERY_EVENT', "the scanner's decode-everything mode, the reference the marker-search tests compare with"],
  ['lib/page/turn-markers.ts TURN_MARKERS', 'the markers the byte search must find exactly where includes() does'],
  ['lib/view/chip-view.ts ChipMessageKey', "the keys the chip's view may ask for, which its table test translates"],
  ['lib/channel/runtime-messages.ts MAX_HELD_MS', "the background test sends a hold just past the relay's bound"],
  ['lib/channel/paced-sender.ts slotOf', 'the slot table and the pacing property test name what each message waits behind'],
  ['lib/cli/run-inspect.ts EXIT_OK', 'the documented exit statuses the CLI tests check'],
  ['lib/cli/run-inspect.ts EXIT_UNREADABLE', 'the documented exit statuses the CLI tests check'],
  ['lib/cli/run-inspect.ts EXIT_USAGE', 'the documented exit statuses the CLI tests check'],
  ['lib/core/feature-names.ts KNOWN_FEATURES', 'the message-keys meta-test checks each known feature has a name in every locale'],
  ['lib/core/quota-object-schema.ts MAX_REMAINING', 'the parser property tests generate counts around the bound'],
  ['lib/core/remaining-points.ts MAX_POINTS', 'the points test fills a window past the bound and checks the newest are kept'],
  ['lib/core/quota-state.ts quotaStateSchema', 'hostile and property tests check that whatever is stored is a valid state'],
  ['lib/core/usage-history.ts HISTORY_DAYS', 'the history test checks pruning at the kept number of days'],
  ['lib/page/turn-refusals.ts COOLDOWN_MS', 'the turn-event tests check the cooldown length'],
  ['lib/core/model-counts.ts MAX_TURN_KEYS', 'the window tests check only the last turn keys are remembered'],
  ['lib/view/popup-view.ts OUTDATED_AFTER_MS', 'the popup-view tests step the clock across the threshold'],
  ['lib/alerts/notification-policy.ts MAX_PENDING_REFILLS', 'the cap on armed refill alarms that the hostile flood test fills'],
  ['lib/channel/port-handover.ts PORT_HANDOVER', "the hand-over's marker, which the relay-boundary tests forge"],
  ['lib/core/account-eviction.ts MAX_OTHER_ACCOUNTS_CHARS', 'the bound the storage-amplification test measures against'],
  ['lib/core/account-eviction.ts MAX_SEEN_ONCE', 'the quarantine bound the eviction tests count against'],
  ['lib/core/tab-accounts.ts MAX_NEW_ACCOUNTS_PER_TAB', 'the rate the hostile flood tests count against'],
  ['lib/page/turn-refusals.ts CHINESE_SPAN_CHARS', 'the span bound the regex test measures against'],
  ['lib/core/reset-time.ts MAX_RESET_AHEAD_MS', 'the furthest reset accepted, which the hostile flood test crosses'],
  // Pure helpers table-tested directly: each rule is clearest as a table of its own inputs and outputs.
  ['lib/alerts/notice-ledger.ts windowKey', "a pure helper, table-tested directly: the notice ledger's key of a window"],
  ['lib/extension/stored-value.ts migrate', 'a pure helper, table-tested directly: the migration chain of a stored value'],
  ['lib/page/turn-refusals.ts resetDelayFromText', "a pure helper, table-tested directly: the refusal wording's reset delay"],
  [
    'lib/core/reset-time.ts parseResetTime',
    'a pure helper, table-tested directly: the timestamp formats (the product calls parseResetTimeAt)',
  ],
  [
    'lib/extension/split-storage.ts joinStorage',
    'the view of storage the unit and browser tests read: split values joined as the stores read them',
  ],
  ['lib/view/popup-diagnostics.ts formatDrift', "a pure helper, table-tested directly: the diagnostics report's drift line"],
  // The input types of those helpers, which their table tests build.
  ['lib/extension/stored-value.ts StoredValueSpec', 'the stored-value spec the migration tables build as input'],
]);

/** A reason that waits on something ("issue 13 is reworking...", "pending") or cites a file the project does not have. */
const STALE_REASON = /issue\s*\d+|#\d+|style\.md|pending|revisit/i;

const isTest = (file: string): boolean => path.relative(REPO_ROOT, file).split(path.sep)[0] === 'test';
const edges = sourceFiles(REPO_ROOT).flatMap(importsOf);

function productExportsNoneImport(): string[] {
  return sourceFiles(path.join(REPO_ROOT, 'lib')).flatMap((file) =>
    exportsOf(file)
      .filter(
        (name) =>
          !edges.some(
            (edge) =>
              edge.target === file && edge.from !== file && !isTest(edge.from) && (edge.names.includes(name) || edge.names.includes('*')),
          ),
      )
      .map((name) => `${path.relative(REPO_ROOT, file)} ${name}`),
  );
}

describe('lib/ exports', () => {
  const unused = productExportsNoneImport();

  it('the scan sees imports and exports (a known product import is found)', () => {
    expect(exportsOf(path.join(REPO_ROOT, 'lib/cli/run-inspect.ts'))).toContain('runInspect');
    expect(unused).not.toContain('lib/cli/run-inspect.ts runInspect');
    expect(unused).toContain('lib/cli/run-inspect.ts EXIT_OK');
  });

  it('every export is imported outside test/, or allowed with a reason', () => {
    expect(unused.filter((entry) => !ALLOWED.has(entry))).toEqual([]);
  });

  it('every reason is decided for good: it names no issue, nothing pending, no file the project lacks', () => {
    expect([...ALLOWED].filter(([, reason]) => STALE_REASON.test(reason))).toEqual([]);
    const sources = sourceFiles(REPO_ROOT).map((file) => path.basename(file));
    const named = [...ALLOWED.values()].flatMap((reason) => [...reason.matchAll(/[\w./-]+\.(?:tsx?|md)\b/g)].map((match) => match[0]));
    expect(named.filter((name) => !existsSync(path.join(REPO_ROOT, name)) && !sources.includes(name))).toEqual([]);
  });

  it('the reason check catches a reason that waits on an issue or cites a missing file', () => {
    expect(['issue 13 is reworking lib/channel', 'see #42', 'pending (style.md)'].every((reason) => STALE_REASON.test(reason))).toBe(true);
  });

  it('the allowlist names only exports that still need it', () => {
    expect([...ALLOWED.keys()].filter((entry) => !unused.includes(entry))).toEqual([]);
  });
});
