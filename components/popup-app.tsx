import type { PopupView } from '../lib/popup-view';
import { t } from '../lib/extension/i18n';
import { FeatureItem } from './feature-item';
import { FreshnessLine } from './freshness-line';
import { ModelList } from './model-list';
import { NoReading } from './no-reading';

export interface PopupAppProps {
  view: PopupView;
  now: number;
  /** Set when stored state was rejected: the popup then says so instead of showing nothing silently. */
  storageProblem: string | null;
}

/** The whole popup. It only renders: every rule lives in lib/popup-view.ts. */
export function PopupApp({ view, now, storageProblem }: PopupAppProps) {
  return (
    <>
      <header class="popup-header">
        <h1>
          <img src="/icon/32.png" alt="" width={20} height={20} />
          {t('extensionName')}
        </h1>
        {view.plan !== null && <p class="plan">{t('popup_plan', [view.plan])}</p>}
        {view.freshness && <FreshnessLine freshness={view.freshness} now={now} />}
      </header>
      <main>
        {storageProblem !== null && <p class="notice notice-warning">{t('popup_storageProblem')}</p>}
        {view.hasReading ? (
          <section aria-labelledby="features-heading">
            <h2 id="features-heading">{t('popup_featuresHeading')}</h2>
            <ul class="feature-list">
              {view.features.map((feature) => (
                <FeatureItem key={feature.name} feature={feature} now={now} />
              ))}
            </ul>
          </section>
        ) : (
          <NoReading />
        )}
        <ModelList limits={view.modelLimits} defaultModel={view.defaultModel} now={now} />
      </main>
      <footer class="popup-footer">
        <p>{t('popup_privacy')}</p>
      </footer>
    </>
  );
}
