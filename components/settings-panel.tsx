import { useState } from 'preact/hooks';
import { quotaLabel } from '../lib/view/window-label';
import { choosableFeatures, defaultThreshold } from '../lib/view/popup-settings';
import { settingsStore } from '../lib/extension/settings-store';
import { t } from '../lib/extension/i18n';
import { NotificationSettings } from './notification-settings';
import type { PanelProps } from './panel-props';
import { SettingSwitch } from './setting-switch';
import { ThresholdField } from './threshold-field';
import { CapField } from './cap-field';
import { useStoredValue } from './use-stored-value';
import { modelCountStore } from '../lib/extension/model-count-store';
import { countedModelViews } from '../lib/view/counted-models';

/** "No number" in the badge select: a feature name is never empty (lib/core/schema-parts.ts name). */
const NO_BADGE = '';

/** The user's settings, each stored at once (lib/extension/settings-store.ts); the badge repaints on its own. */
export function SettingsPanel({ state, settings, account, now }: PanelProps) {
  // Said politely once the permission prompt is answered: the outcome is not otherwise visible.
  const [message, setMessage] = useState('');
  const features = choosableFeatures(state, settings.badgeFeature, t, settings.modelCaps);
  const counts = useStoredValue(modelCountStore);
  const models = counts === null ? [] : countedModelViews(counts, account, settings, now);
  const change = (next: Partial<typeof settings>) => void settingsStore.update((current) => ({ ...current, ...next }));
  return (
    <>
      <div class="setting">
        <label class="setting-label" for="badge-feature">
          {t('popup_badgeFeature')}
        </label>
        <select
          id="badge-feature"
          value={settings.badgeFeature ?? NO_BADGE}
          onChange={(event) => change({ badgeFeature: event.currentTarget.value === NO_BADGE ? null : event.currentTarget.value })}
        >
          {features.map((name) => (
            <option key={name} value={name}>
              {quotaLabel(name, state, t)}
            </option>
          ))}
          <option value={NO_BADGE}>{t('popup_badgeNone')}</option>
        </select>
      </div>
      <fieldset class="thresholds">
        <legend class="setting-label">{t('popup_thresholds')}</legend>
        <p id="thresholds-hint" class="setting-details">
          {t('popup_thresholdsHint')}
        </p>
        {features.map((name, index) => (
          <ThresholdField
            key={name}
            id={`threshold-${index}`}
            feature={name}
            label={quotaLabel(name, state, t)}
            chosen={settings.lowThresholds[name]}
            fallback={defaultThreshold(state, name, settings.modelCaps)}
          />
        ))}
      </fieldset>
      {models.length > 0 && (
        <fieldset class="thresholds caps">
          <legend class="setting-label">{t('popup_capsHeading')}</legend>
          <p class="setting-details">{t('popup_capsHint')}</p>
          {models.map((model, index) => (
            <CapField key={model.slug} id={`cap-${index}`} slug={model.slug} name={model.name} cap={settings.modelCaps[model.slug]} />
          ))}
        </fieldset>
      )}
      <NotificationSettings settings={settings} onMessage={setMessage} />
      <SettingSwitch id="page-chip" label={t('popup_pageChip')} checked={settings.pageChip} onChange={(on) => change({ pageChip: on })}>
        <p>{t('popup_pageChipHow')}</p>
      </SettingSwitch>
      <p role="status" class="panel-status">
        {message}
      </p>
    </>
  );
}
