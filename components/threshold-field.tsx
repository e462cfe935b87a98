import { useState } from 'preact/hooks';
import { parseThreshold, withThreshold } from '../lib/view/popup-settings';
import { settingsStore } from '../lib/extension/settings-store';
import { t } from '../lib/extension/i18n';

export interface ThresholdFieldProps {
  id: string;
  feature: string;
  label: string;
  /** The user's threshold, or undefined when the default applies. */
  chosen: number | undefined;
  /** The default, shown as the placeholder. */
  fallback: number;
}

/** One feature's low threshold: saved when the field is left or Enter is pressed; empty means the default. */
export function ThresholdField({ id, feature, label, chosen, fallback }: ThresholdFieldProps) {
  // The text as typed, so that a wrong entry stays in the field to be corrected.
  const [text, setText] = useState(chosen === undefined ? '' : String(chosen));
  const [invalid, setInvalid] = useState(false);
  const save = () => {
    const parsed = parseThreshold(text);
    setInvalid(!parsed.ok);
    if (parsed.ok) void settingsStore.update((settings) => withThreshold(settings, feature, parsed.value));
  };
  return (
    <div class="threshold">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellcheck={false}
        value={text}
        placeholder={String(fallback)}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : 'thresholds-hint'}
        onInput={(event) => setText(event.currentTarget.value)}
        onChange={save}
      />
      {invalid && (
        <p id={`${id}-error`} class="field-error">
          {t('popup_thresholdInvalid')}
        </p>
      )}
    </div>
  );
}
