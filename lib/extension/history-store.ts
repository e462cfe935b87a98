import { HISTORY_VERSION, emptyHistory, historySchema } from '../core/usage-history';
import { checkWith } from './schema-check';
import { defineStoredValue } from './stored-value';
import { HISTORY_KEY } from './storage-keys';

/** Uses per account, feature and local day (lib/core/usage-history.ts). Version 1 is the first: nothing older to migrate. */
export const historyStore = defineStoredValue({
  key: HISTORY_KEY,
  check: checkWith(historySchema, 'stored history'),
  fallback: emptyHistory,
  versions: { current: HISTORY_VERSION, migrations: {} },
});
