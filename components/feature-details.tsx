import type { FeatureView } from '../lib/view/popup-view';
import { t } from '../lib/extension/i18n';
import { agoText, countText } from './popup-format';

/**
 * What a feature's row leaves out, shown on demand: most seen or limit, where the count was read, a
 * model it counts as counted in this browser, the site's words.
 */
export function FeatureDetails({ feature, now }: { feature: FeatureView; now: number }) {
  const siteWords = [feature.siteDescription, feature.siteResetText].filter((text) => text !== null).join(' · ');
  const capLine =
    feature.cap?.source === 'limit'
      ? t('popup_capLimit', [countText(feature.cap.value)])
      : feature.mostSeen !== null
        ? t('popup_capMaxSeen', [countText(feature.mostSeen)])
        : null;
  return (
    <>
      {capLine !== null && <p class="feature-note">{capLine}</p>}
      {feature.readFrom !== null && (
        <p class="feature-note">{t('popup_readFrom', [agoText(feature.readFrom.at, now), t(`source_${feature.readFrom.source}`)])}</p>
      )}
      {feature.lastSeenAt !== null && <p class="feature-note">{t('popup_lastSeen', [agoText(feature.lastSeenAt, now)])}</p>}
      {feature.countedHere && (
        <p class="feature-note counted-here">
          <span class="site-label">{t('popup_countedHeading')}</span>{' '}
          {t('popup_countedModel', [feature.countedHere.model, ...feature.countedHere.counts.map((count) => countText(count)).reverse()])}
        </p>
      )}
      {siteWords && (
        <p class="site-text">
          <span class="site-label">{t('popup_siteSays')}</span> {siteWords}
        </p>
      )}
    </>
  );
}
