import type { CapView } from '../lib/view/popup-view';
import { tPlural } from '../lib/extension/i18n';
import { countText } from './popup-format';

/**
 * A bar of what is left against the known cap. role=meter with a value text, so a screen
 * reader hears "Image generations, 118 of 120 left" and, for a cap only seen, that it is one.
 */
export function QuotaMeter({ label, remaining, cap }: { label: string; remaining: number; cap: CapView }) {
  const share = Math.min(1, remaining / cap.value);
  const valueText =
    cap.source === 'limit'
      ? tPlural('popup_meterLimit', remaining, [countText(remaining), countText(cap.value)])
      : tPlural('popup_meterMaxSeen', remaining, [countText(remaining), countText(cap.value)]);
  return (
    <div
      class="meter"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={cap.value}
      aria-valuenow={Math.min(remaining, cap.value)}
      aria-valuetext={valueText}
    >
      <div class="meter-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
    </div>
  );
}
