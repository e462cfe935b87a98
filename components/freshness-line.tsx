import type { FreshnessView } from '../lib/view/popup-view';
import type { ReadingSource } from '../lib/core/quota-types';
import { t } from '../lib/extension/i18n';
import { agoText } from './popup-format';

function sourceName(source: ReadingSource): string {
  return t(`source_${source}`);
}

/** "Updated 2 min ago · end of a chat turn", and a warning in words once the reading is old. */
export function FreshnessLine({ freshness, now }: { freshness: FreshnessView; now: number }) {
  return (
    <>
      <p class="freshness">{t('popup_updated', [agoText(freshness.at, now), sourceName(freshness.source)])}</p>
      {freshness.outdated && <p class="notice notice-warning">{t('popup_outdated')}</p>}
    </>
  );
}
