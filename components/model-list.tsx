import type { ModelLimitView } from '../lib/view/popup-view';
import { t } from '../lib/extension/i18n';
import { untilText } from './popup-format';

/** Capped models: the page silently falls back to another model until the cap clears (protocol.md section 2). */
export function ModelList({ limits, defaultModel, now }: { limits: ModelLimitView[]; defaultModel: string | null; now: number }) {
  if (limits.length === 0 && defaultModel === null) return null;
  return (
    <section class="models" aria-labelledby="models-heading">
      <h2 id="models-heading">{t('popup_modelsHeading')}</h2>
      {limits.length > 0 && (
        <ul class="model-list">
          {limits.map((limit, index) => (
            <li key={`${limit.model}-${index}`} class={`model model-${limit.reset.kind}`}>
              <p class="model-name">
                {limit.fallback === null ? t('popup_modelCapped', [limit.model]) : t('popup_modelFallback', [limit.model, limit.fallback])}
              </p>
              <p class="feature-detail">{untilText(limit.reset, now)}</p>
              {limit.description && (
                <p class="site-text">
                  <span class="site-label">{t('popup_siteSays')}</span> {limit.description}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {defaultModel !== null && <p class="default-model">{t('popup_defaultModel', [defaultModel])}</p>}
    </section>
  );
}
