import { historyFromStorage } from '../core/usage-history';
import { defineStoredValue } from './stored-value';

/** Uses per account, feature and local day (lib/core/usage-history.ts). */
export const historyStore = defineStoredValue('usageHistory', historyFromStorage);
