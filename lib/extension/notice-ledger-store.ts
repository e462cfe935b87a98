import { ledgerSchema } from '../alerts/notification-policy';
import { checkWith } from './schema-check';
import { defineStoredValue } from './stored-value';

/** Notifications already shown, so that none is shown twice (lib/alerts/notification-policy.ts). */
export const noticeLedgerStore = defineStoredValue({
  key: 'noticeLedger',
  check: checkWith(ledgerSchema, 'stored ledger'),
  fallback: () => ({}),
});
