import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod/mini';
import { chipPositionStore } from '../../../lib/extension/chip-position-store';
import { ledgerSchema } from '../../../lib/alerts/notice-ledger';
import { findingSchema } from '../../../lib/channel/page-message-schema';
import { MAX_LIST_ITEMS, MAX_STRING_LENGTH } from '../../../lib/page/quota-fields';
import { MAX_ACCOUNTS, MAX_FEATURES_PER_ACCOUNT, MAX_UNKNOWN_FIELDS, quotaStateSchema } from '../../../lib/core/quota-state';
import { settingsSchema } from '../../../lib/alerts/settings';
import { historySchema } from '../../../lib/core/usage-history';
import { diagnosticsStore } from '../../../lib/extension/diagnostics-log';
import { lastFindingsStore } from '../../../lib/extension/last-findings-store';
import { joinStorage } from '../../../lib/extension/split-storage';

/**
 * Checks everything in storage.local against the schemas the extension reads it back with: after
 * any message, forged or not, each stored value must be one the extension would accept as it is.
 * Shared by the hostile unit tests and the forged-messages browser spec.
 */

/** What the background writes there: findings that passed the page channel's schema. */
const lastFindingsOfPage = z.record(z.string(), z.object({ at: z.number(), finding: findingSchema }));

/** Values read back through a function that returns a default for anything invalid: valid means unchanged. */
const readsBackAsItself = (read: (raw: unknown) => unknown) => (raw: unknown) => isDeepStrictEqual(read(raw), raw);

const VALIDATORS: Record<string, (raw: unknown) => boolean> = {
  quotaState: (raw) => quotaStateSchema.safeParse(raw).success,
  settings: (raw) => settingsSchema.safeParse(raw).success,
  usageHistory: (raw) => historySchema.safeParse(raw).success,
  noticeLedger: (raw) => ledgerSchema.safeParse(raw).success,
  lastFindings: (raw) => readsBackAsItself((raw) => lastFindingsStore.resolve(raw).value)(raw) && lastFindingsOfPage.safeParse(raw).success,
  diagnostics: readsBackAsItself((raw) => diagnosticsStore.resolve(raw).value),
  chipPosition: readsBackAsItself((raw) => chipPositionStore.resolve(raw).value),
};

/** The keys whose values would not pass, split values joined (or keys the extension does not know); [] when all is well. */
export function invalidStoredValues(storage: Record<string, unknown>): string[] {
  return Object.entries(joinStorage(storage))
    .filter(([key, value]) => !(Object.hasOwn(VALIDATORS, key) && VALIDATORS[key]?.(value)))
    .map(([key]) => key);
}

/** JSON punctuation and key name of one field, counted generously. */
const FIELD = 40;
const NAME = 200;

/**
 * The most a relayed quota object can weigh once picked (lib/page/quota-fields.ts): three lists of one
 * item past the bound, each item at most six fields of bounded text, scalars and 32 field names.
 */
export const MAX_PICKED_QUOTA_CHARS =
  3 * (MAX_LIST_ITEMS + 1) * 6 * (MAX_STRING_LENGTH + FIELD) + 3 * (MAX_STRING_LENGTH + FIELD) + 32 * 100 + 1000;

/** One account at the bounds of lib/core/quota-state.ts: features, blocked entries, model limits, field names, cooldowns. */
const MAX_ACCOUNT_CHARS =
  MAX_FEATURES_PER_ACCOUNT * (2 * NAME + 10 * FIELD) +
  2 * MAX_LIST_ITEMS * (NAME + 3 * MAX_STRING_LENGTH + 7 * FIELD) +
  MAX_UNKNOWN_FIELDS * (NAME + FIELD) +
  16 * (NAME + 4 * FIELD) +
  2 * MAX_STRING_LENGTH +
  10 * FIELD;

/**
 * The most storage.local can hold whatever the page posts, from the bounds the code keeps: ten
 * accounts, the last finding of each carrier (a picked quota object each), 60 days of history for
 * 16 features of 10 accounts, 200 ledger entries, 30 diagnostics. About 6.8 million characters:
 * well inside chrome.storage.local's 10 MiB.
 */
export const MAX_STORED_CHARS =
  MAX_ACCOUNTS * MAX_ACCOUNT_CHARS + 5 * MAX_PICKED_QUOTA_CHARS + MAX_ACCOUNTS * 16 * (NAME + 60 * 20) + 200 * 700 + 30 * 400 + 10_000;
