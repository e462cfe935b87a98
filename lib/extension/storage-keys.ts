/**
 * The storage.local keys, apart from the stores that validate what they hold, so that the page
 * chip (which carries no zod) reads the same keys without bundling the validators.
 */
export const QUOTA_STATE_KEY = 'quotaState';
export const SETTINGS_KEY = 'settings';
export const CHIP_POSITION_KEY = 'chipPosition';
export const MODEL_COUNTS_KEY = 'modelCounts';
export const HISTORY_KEY = 'usageHistory';
export const LAST_FINDINGS_KEY = 'lastFindings';

/** The field of the values kept per account. */
export const BY_ACCOUNT = 'accounts';

/**
 * The values kept as a head plus one key per entry (lib/extension/split-storage.ts), each with the
 * record field that is split: per account for the quota state, the history and the model counts,
 * per carrier for the last findings (the value itself is that record). A reading then rewrites
 * what it changed only.
 */
export const SPLIT_VALUES: Readonly<Record<string, string | null>> = {
  [QUOTA_STATE_KEY]: BY_ACCOUNT,
  [MODEL_COUNTS_KEY]: BY_ACCOUNT,
  [HISTORY_KEY]: BY_ACCOUNT,
  [LAST_FINDINGS_KEY]: null,
};
