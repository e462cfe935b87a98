import type { MeterStatus } from '../lib/core/meter';
import { t, type MessageKey } from '../lib/extension/i18n';

const STATUS_KEYS: Record<Exclude<MeterStatus, 'normal'>, MessageKey> = {
  low: 'popup_statusLow',
  empty: 'popup_statusEmpty',
  blocked: 'popup_statusBlocked',
  stale: 'popup_statusStale',
};

/** Status in words as well as colour: colour alone reaches neither screen readers nor everyone's eyes. */
export function StatusTag({ status }: { status: MeterStatus }) {
  if (status === 'normal') return null;
  return <span class={`status status-${status}`}>{t(STATUS_KEYS[status])}</span>;
}
