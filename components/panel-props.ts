import type { QuotaState } from '../lib/core/quota-state';
import type { Settings } from '../lib/alerts/settings';

/** What every view below the quotas (usage, settings, diagnostics) is given by the live popup. */
export interface PanelProps {
  state: QuotaState;
  settings: Settings;
  /** The account shown in the popup (not necessarily the one the badge follows). */
  account: string;
  now: number;
}
