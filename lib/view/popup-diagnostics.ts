import { isKnownFeature } from '../core/feature-names';
import type { QuotaState } from '../core/quota-state';

/**
 * The diagnostics report: what a user can copy into a bug report. Only what the extension
 * already keeps: the last finding of each carrier (quota fields only, validated), the drift of
 * the site's format, the log of ignored readings and the version. Nothing else from the page,
 * and no account key: the drift is merged over the accounts.
 */

interface IgnoredReading {
  at: number;
  where: string;
  reason: string;
}

interface FormatDrift {
  /** Quota fields the parser did not know (account.unknownFields), as the page named them. */
  unknownFields: string[];
  /** Feature names that lib/core/feature-names.ts does not know: shown raw, without a translation. */
  unknownFeatures: string[];
}

interface DiagnosticsReport {
  extensionVersion: string;
  lastFindings: Record<string, unknown>;
  drift: FormatDrift;
  ignored: IgnoredReading[];
}

function sortedUnique(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

export function formatDrift(state: QuotaState): FormatDrift {
  const accounts = Object.values(state.accounts);
  const features = accounts.flatMap((account) => [...Object.keys(account.features), ...account.blocked.map((block) => block.name)]);
  return {
    unknownFields: sortedUnique(accounts.flatMap((account) => account.unknownFields)),
    unknownFeatures: sortedUnique(features.filter((name) => !isKnownFeature(name))),
  };
}

export function diagnosticsReport(
  extensionVersion: string,
  state: QuotaState,
  lastFindings: Record<string, unknown>,
  ignored: IgnoredReading[],
): DiagnosticsReport {
  return { extensionVersion, lastFindings, drift: formatDrift(state), ignored };
}
