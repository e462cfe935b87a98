import type { ComponentChildren } from 'preact';

export interface SettingSwitchProps {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  /** Below the label: what the setting does, or its state (read out with the switch). */
  children?: ComponentChildren;
}

/** An on/off setting: a button with role=switch, named by its visible label (a click on which toggles it too). */
export function SettingSwitch({ id, label, checked, disabled = false, onChange, children }: SettingSwitchProps) {
  return (
    <div class="setting">
      <div class="setting-text">
        <label id={`${id}-label`} for={id} class="setting-label">
          {label}
        </label>
        {children && (
          <div id={`${id}-details`} class="setting-details">
            {children}
          </div>
        )}
      </div>
      <button
        type="button"
        role="switch"
        id={id}
        class="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={children ? `${id}-details` : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      />
    </div>
  );
}
