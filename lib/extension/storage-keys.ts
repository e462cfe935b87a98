/**
 * The storage.local keys, apart from the stores that validate what they hold, so that the page
 * chip (which carries no zod) reads the same keys without bundling the validators.
 */
export const QUOTA_STATE_KEY = 'quotaState';
export const SETTINGS_KEY = 'settings';
export const CHIP_POSITION_KEY = 'chipPosition';
export const MODEL_COUNTS_KEY = 'modelCounts';
