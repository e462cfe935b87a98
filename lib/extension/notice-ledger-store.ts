import { ledgerSchema } from '../alerts/notice-ledger';
import { checkWith } from './schema-check';
import { defineStoredValue } from './stored-value';

/** Notifications already shown, so that none is shown twice (lib/alerts/notice-ledger.ts). */
export const noticeLedgerStore = defineStoredValue({
  key: 'noticeLedger',
  check: checkWith(ledgerSchema, 'stored ledger'),
  fallback: () => ({}),
});
