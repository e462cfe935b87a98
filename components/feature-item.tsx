import type { FeatureView } from '../lib/view/popup-view';
import { featureLabel } from '../lib/core/feature-names';
import { t, tPlural } from '../lib/extension/i18n';
import { agoText, cooldownText, countText, resetText, untilText } from './popup-format';
import { QuotaMeter } from './quota-meter';
import { StatusTag } from './status-tag';

function capText(feature: FeatureView): string | null {
  if (feature.cap === null) return null;
  const key = feature.cap.source === 'limit' ? 'popup_capLimit' : 'popup_capMaxSeen';
  return t(key, [countText(feature.cap.value)]);
}

/** One feature: name, status, count, bar, reset; a block adds the site's own words, as given. */
export function FeatureItem({ feature, now }: { feature: FeatureView; now: number }) {
  const label = featureLabel(feature.name, t);
  const count = countText(feature.remaining);
  const siteWords = [feature.siteDescription, feature.siteResetText].filter((text) => text !== null).join(' · ');
  return (
    <li class={`feature feature-${feature.status}`}>
      <div class="feature-head">
        <h3 class="feature-name">{label}</h3>
        <StatusTag status={feature.status} />
        {/* The bar's value text says the count to screen readers; without a bar, these words do. */}
        <span class="count" aria-hidden="true">
          {count}
        </span>
        {feature.cap === null && <span class="visually-hidden">{tPlural('popup_left', feature.remaining, [count])}</span>}
      </div>
      {feature.cap && <QuotaMeter label={label} remaining={feature.remaining} cap={feature.cap} />}
      <p class="feature-detail">{feature.blocked ? untilText(feature.reset, now) : resetText(feature.reset, now, feature.resetEstimated)}</p>
      {feature.cooldownUntil !== null && <p class="feature-note cooldown">{cooldownText(feature.cooldownUntil, now)}</p>}
      {(feature.cap !== null || feature.lastSeenAt !== null) && (
        // The meter's value text already says the cap to screen readers: hide a line that says only that.
        <p class="feature-note" aria-hidden={feature.lastSeenAt === null ? 'true' : undefined}>
          {feature.cap && <span aria-hidden="true">{capText(feature)}</span>}
          {feature.cap && feature.lastSeenAt !== null && <span aria-hidden="true"> · </span>}
          {feature.lastSeenAt !== null && <span>{t('popup_lastSeen', [agoText(feature.lastSeenAt, now)])}</span>}
        </p>
      )}
      {siteWords && (
        <p class="site-text">
          <span class="site-label">{t('popup_siteSays')}</span> {siteWords}
        </p>
      )}
    </li>
  );
}
