import type { ComponentChildren } from 'preact';
import type { PopupView } from '../lib/view/popup-view';
import { featureLabel } from '../lib/core/feature-names';
import { t } from '../lib/extension/i18n';
import { FeatureItem } from './feature-item';
import { FreshnessLine } from './freshness-line';
import { ModelList } from './model-list';
import { NoReading } from './no-reading';
import { cooldownText } from './popup-format';

export interface PopupAppProps {
  view: PopupView;
  now: number;
  /** Set when stored state was rejected: the popup then says so instead of showing nothing silently. */
  storageProblem: string | null;
  /** Which account is shown, under the title (components/account-picker.tsx). */
  account?: ComponentChildren;
  /** The limits of other kinds (Codex, memory), right below the quotas. */
  groups?: ComponentChildren;
  /** The sections below the quotas (usage, settings, diagnostics). */
  children?: ComponentChildren;
}

/** The whole popup. It only renders: every rule lives in lib/view/popup-view.ts. */
export function PopupApp({ view, now, storageProblem, account, groups, children }: PopupAppProps) {
  return (
    <>
      <header class="popup-header">
        <h1>
          <img src="/icon/32.png" alt="" width={20} height={20} />
          {t('extension_name')}
        </h1>
        {account}
        {view.freshness && <FreshnessLine freshness={view.freshness} now={now} />}
      </header>
      <main>
        {storageProblem !== null && <p class="notice notice-warning">{t('popup_storageProblem')}</p>}
        {view.cooldowns.map(({ feature, until }) => (
          <p key={feature} class="notice notice-warning">
            {t('popup_cooldownOf', [featureLabel(feature, t), cooldownText(until, now)])}
          </p>
        ))}
        {view.hasReading ? (
          <section aria-labelledby="features-heading">
            <h2 id="features-heading">{t('popup_featuresHeading')}</h2>
            <ul class="feature-list">
              {view.features.map((feature, index) => (
                <FeatureItem key={feature.name} feature={feature} now={now} index={index} />
              ))}
            </ul>
          </section>
        ) : view.otherKinds ? null : (
          <NoReading />
        )}
        <ModelList limits={view.modelLimits} defaultModel={view.defaultModel} now={now} />
        {groups}
        {children}
      </main>
      <footer class="popup-footer">
        <p>{t('popup_privacy')}</p>
      </footer>
    </>
  );
}
