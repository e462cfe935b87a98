import { historyFromStorage } from '../usage-history';
import { defineStoredValue } from './stored-value';

/** Uses per account, feature and local day (lib/usage-history.ts). */
export const historyStore = defineStoredValue('usageHistory', historyFromStorage);
