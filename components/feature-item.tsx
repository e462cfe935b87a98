import { Component } from 'preact';
import type { FeatureView } from '../lib/view/popup-view';
import { featureLabel } from '../lib/core/feature-names';
import { t, tPlural } from '../lib/extension/i18n';
import { FeatureDetails } from './feature-details';
import { cooldownText, countText, forecastText, resetText, untilText } from './popup-format';
import { QuotaMeter } from './quota-meter';
import { StatusTag } from './status-tag';

interface FeatureItemProps {
  feature: FeatureView;
  now: number;
  /** Its place in the list, for element ids (names come from the page and may hold any character). */
  index: number;
}

/**
 * One feature in a compact row: name, status, count; a bar only where the cap is known; one line
 * for the reset, one for the forecast; the rest behind a disclosure button (aria-expanded). A class
 * component: the popup's first chunk then needs no preact/hooks.
 */
export class FeatureItem extends Component<FeatureItemProps, { open: boolean }> {
  override state = { open: false };

  private toggle = () => this.setState({ open: !this.state.open });

  override render({ feature, now, index }: FeatureItemProps, { open }: { open: boolean }) {
    const label = featureLabel(feature.name, t);
    const count = countText(feature.remaining);
    const id = `feature-${index}`;
    return (
      <li class={`feature feature-${feature.status}`}>
        <div class="feature-head">
          <h3 class="feature-name" id={`${id}-name`}>
            {label}
          </h3>
          <StatusTag status={feature.status} />
          {/* The bar's value text says the count to screen readers; without a bar, these words do. */}
          <span class="count" aria-hidden="true">
            {count}
          </span>
          {feature.cap === null && <span class="visually-hidden">{tPlural('popup_left', feature.remaining, [count])}</span>}
        </div>
        {feature.cap && <QuotaMeter label={label} remaining={feature.remaining} cap={feature.cap} />}
        <div class="feature-line">
          <p class="feature-detail">
            {feature.blocked ? untilText(feature.reset, now) : resetText(feature.reset, now, feature.resetEstimated)}
          </p>
          <button
            type="button"
            class="feature-more"
            aria-expanded={open}
            aria-controls={`${id}-more`}
            aria-describedby={`${id}-name`}
            onClick={this.toggle}
          >
            {t('popup_details')}
          </button>
        </div>
        {feature.forecast && <p class="feature-forecast">{forecastText(feature.forecast, feature.reset, now)}</p>}
        {feature.cooldownUntil !== null && <p class="feature-note cooldown">{cooldownText(feature.cooldownUntil, now)}</p>}
        <div id={`${id}-more`} class="feature-more-body" hidden={!open}>
          <FeatureDetails feature={feature} now={now} />
        </div>
      </li>
    );
  }
}
