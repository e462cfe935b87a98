import { useState } from 'preact/hooks';
import type { ModelCap } from '../lib/alerts/settings';
import { CAP_WINDOW_CHOICES, parseModelCap, withModelCap } from '../lib/view/popup-settings';
import { settingsStore } from '../lib/extension/settings-store';
import { t } from '../lib/extension/i18n';
import { capWindowText } from './counted-models';

/** "Other": the window is typed as a number of hours. */
const OTHER = 'other';

export interface CapFieldProps {
  id: string;
  slug: string;
  name: string;
  cap: ModelCap | undefined;
}

/** One model's cap and window, saved when a field is left; an empty cap removes it. */
export function CapField({ id, slug, name, cap }: CapFieldProps) {
  const [limit, setLimit] = useState(cap === undefined ? '' : String(cap.limit));
  const [hours, setHours] = useState(String(cap?.windowHours ?? CAP_WINDOW_CHOICES[0]));
  const [invalid, setInvalid] = useState(false);
  const chosen = (CAP_WINDOW_CHOICES as readonly number[]).includes(Number(hours)) ? hours : OTHER;
  const save = (nextLimit: string, nextHours: string) => {
    const parsed = parseModelCap(nextLimit, nextHours);
    setInvalid(!parsed.ok);
    if (parsed.ok) void settingsStore.update((settings) => withModelCap(settings, slug, parsed.value));
  };
  return (
    <div class="threshold cap-field" data-model={slug}>
      <label for={`${id}-limit`}>{t('popup_capFor', [name])}</label>
      <input
        id={`${id}-limit`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellcheck={false}
        value={limit}
        aria-invalid={invalid}
        onInput={(event) => setLimit(event.currentTarget.value)}
        onChange={(event) => save(event.currentTarget.value, hours)}
      />
      <select
        id={`${id}-window`}
        aria-label={t('popup_capWindowOf', [name])}
        value={chosen}
        onChange={(event) => {
          const next = event.currentTarget.value === OTHER ? hours : event.currentTarget.value;
          setHours(event.currentTarget.value === OTHER ? '' : next);
          if (event.currentTarget.value !== OTHER) save(limit, next);
        }}
      >
        {CAP_WINDOW_CHOICES.map((choice) => (
          <option key={choice} value={String(choice)}>
            {capWindowText(choice)}
          </option>
        ))}
        <option value={OTHER}>{t('popup_capWindowOther')}</option>
      </select>
      {chosen === OTHER && (
        <input
          id={`${id}-hours`}
          type="text"
          inputMode="numeric"
          aria-label={t('popup_capWindowOf', [name])}
          value={hours}
          onInput={(event) => setHours(event.currentTarget.value)}
          onChange={(event) => save(limit, event.currentTarget.value)}
        />
      )}
      {invalid && <p class="field-error">{t('popup_capInvalid')}</p>}
    </div>
  );
}
