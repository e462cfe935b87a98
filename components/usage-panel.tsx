import { featureLabel } from '../lib/core/feature-names';
import { featureOrder } from '../lib/view/popup-feature-order';
import { featureUsages } from '../lib/view/popup-history';
import { localDayOf } from '../lib/core/usage-history';
import { historyStore } from '../lib/extension/history-store';
import { t } from '../lib/extension/i18n';
import type { PanelProps } from './panel-props';
import { countText } from './popup-format';
import { UsageChart } from './usage-chart';
import { useStoredValue } from './use-stored-value';

const label = (name: string) => featureLabel(name, t);

/** Uses today and over the last 7 days, per feature, for the account shown (lib/core/usage-history.ts). */
export function UsagePanel({ account, now }: PanelProps) {
  const history = useStoredValue(historyStore);
  if (history === null) return null;
  const today = localDayOf(now, new Date(now).getTimezoneOffset());
  const usages = featureUsages(
    history,
    account,
    today,
    featureOrder((name: string) => name, label),
  );
  return (
    <>
      {usages.length === 0 ? (
        <p class="panel-note">{t('popup_usageNone')}</p>
      ) : (
        <ul>
          {usages.map((usage) => (
            <li key={usage.feature} class="usage">
              <div class="feature-head">
                <h3 class="feature-name">{label(usage.feature)}</h3>
                <span class="usage-today-count">{t('popup_usedToday', [countText(usage.today)])}</span>
              </div>
              <UsageChart label={label(usage.feature)} usage={usage} />
            </li>
          ))}
        </ul>
      )}
      <p class="panel-note">{t('popup_usageHow')}</p>
    </>
  );
}
