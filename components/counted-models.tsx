import type { CountedModelView } from '../lib/view/counted-models';
import { formatLocalTime } from '../lib/view/format-time';
import { t, uiLocale } from '../lib/extension/i18n';
import { countText } from './popup-format';
import { featureLabel } from '../lib/core/feature-names';
import { StatusTag } from './status-tag';

/** A cap's window in words: 3 h, 24 h, 7 days, or N h. */
export function capWindowText(hours: number): string {
  if (hours === 168) return t('popup_capWindowWeek');
  return t('popup_capWindowHours', [countText(hours)]);
}

/**
 * Turns counted per model in this browser (lib/view/counted-models.ts), always said to be counted
 * here: the server counts these models down nowhere the page can read, and turns sent from other
 * devices or the apps are not seen.
 */
export function CountedModels({
  models,
  now,
  onReset,
}: {
  models: CountedModelView[];
  now: number;
  /** Forgets the counts of one model (the store lives in the popup's checked-read chunk, with zod). */
  onReset: (slug: string) => void;
}) {
  if (models.length === 0) return null;
  const locale = uiLocale();
  return (
    <section class="counted" aria-labelledby="counted-heading">
      <h2 id="counted-heading">{t('popup_countedHeading')}</h2>
      <ul class="counted-list">
        {models.map((model) => {
          const [hours3 = 0, hours24 = 0, days7 = 0] = model.counts;
          const week = model.atLeast ? `${countText(days7)}+` : countText(days7);
          return (
            <li key={model.slug} class={`counted-model feature-${model.cap?.status ?? 'normal'}`} data-model={model.slug}>
              <p class="counted-line">
                {t('popup_countedModel', [model.name, week, countText(hours24), countText(hours3)])}
                {model.auto > 0 && <span class="counted-auto"> · {t('popup_countedAuto', [countText(model.auto)])}</span>}
              </p>
              {model.ledBy !== null && (
                <p class="feature-detail counted-led">{t('popup_countedServerLeads', [featureLabel(model.ledBy, t)])}</p>
              )}
              {model.cap && (
                <p class="counted-left">
                  <StatusTag status={model.cap.status} />{' '}
                  <span class="count">
                    {t('popup_countedLeft', [countText(model.cap.left), countText(model.cap.limit), capWindowText(model.cap.windowHours)])}
                  </span>
                  {model.cap.freedAt !== null && model.cap.left < model.cap.limit && (
                    <span class="feature-detail"> {t('popup_countedFreed', [formatLocalTime(model.cap.freedAt, now, locale)])}</span>
                  )}
                </p>
              )}
              {model.cap?.forecast && (
                <p class="feature-forecast">{t('popup_countedForecast', [formatLocalTime(model.cap.forecast.runsOutAt, now, locale)])}</p>
              )}
              {model.capSeen && (
                <p class="feature-detail counted-seen">
                  {t(
                    'popup_capSeen',
                    model.capSeen.counts.map((count) => countText(count)),
                  )}
                </p>
              )}
              <button type="button" class="counted-reset" onClick={() => onReset(model.slug)}>
                {t('popup_resetCounts', [model.name])}
              </button>
            </li>
          );
        })}
      </ul>
      <p class="feature-detail">{t('popup_countedNote')}</p>
    </section>
  );
}
