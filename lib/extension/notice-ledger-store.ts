import { ledgerSchema, type NoticeLedger } from '../alerts/notification-policy';
import { defineStoredValue } from './stored-value';

/** Notifications already shown, so that none is shown twice (lib/alerts/notification-policy.ts). */
export const noticeLedgerStore = defineStoredValue('noticeLedger', (raw): NoticeLedger => {
  const parsed = ledgerSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
});
