import type { BadgeStatus } from '../alerts/quota-badge';
import { badgeText } from '../alerts/badge-text';
import { featureLabel, type KnownFeature } from '../core/feature-names';
import { isCodexWindowName } from '../core/codex-usage';
import { modelName } from '../core/model-names';
import { COUNTED_PREFIX, isCountedMeterId } from '../core/rolling-window';
import type { ChipInput } from './chip-input';
import { formatDuration } from './format-time';

/**
 * The page chip's texts: the badge's text for its meter (a count, a Codex window's percent left), and a
 * detail line (reset countdown, full until first use, probably reset, no reading). A model counted in
 * this browser is named so ("GPT-5 Thinking (counted here)", as on the badge's tooltip and in the
 * popup), and its detail is when one more frees up. Pure: the words come through `translate`.
 */

export type ChipMessageKey =
  | 'chip_noReading'
  | 'chip_probablyReset'
  | 'chip_full'
  | 'tooltip_resetUnknown'
  | 'chip_resetsIn'
  | `feature_${KnownFeature}`
  | 'feature_unknown'
  | 'popup_codexHeading'
  | 'popup_countedMeterName'
  | 'popup_countedHeading'
  | 'chip_countedFreesIn';

export interface ChipView {
  status: BadgeStatus;
  count: string;
  label: string;
  detail: string;
  /** What a screen reader says of the whole chip. */
  ariaLabel: string;
}

export function chipViewOf(
  input: ChipInput,
  now: number,
  translate: (key: ChipMessageKey, substitutions?: string[]) => string,
  locale: string,
): ChipView {
  const { meter } = input;
  // A Codex window is named "Codex" only: its length's words (lib/view/window-label.ts) would cost
  // every chatgpt.com page more than the content scripts' budget allows (test/meta/built-content-scripts.test.ts).
  const counted = isCountedMeterId(input.feature);
  const label = counted
    ? translate('popup_countedMeterName', [modelName(input.feature.slice(COUNTED_PREFIX.length))])
    : isCodexWindowName(input.feature)
      ? translate('popup_codexHeading')
      : featureLabel(input.feature, translate);
  let detail: string;
  if (meter === undefined) detail = translate('chip_noReading');
  else if (counted)
    // A rolling window has no reset: one more is left when the oldest counted turn leaves it.
    detail =
      meter.resetsAt === null
        ? translate('popup_countedHeading')
        : translate('chip_countedFreesIn', [formatDuration(meter.resetsAt - now, locale)]);
  else if (meter.status === 'stale') detail = translate('chip_probablyReset');
  else if (meter.windowNotStarted && meter.status !== 'blocked') detail = translate('chip_full');
  else if (meter.resetsAt === null) detail = translate('tooltip_resetUnknown');
  else detail = translate('chip_resetsIn', [formatDuration(meter.resetsAt - now, locale)]);
  // The badge's text and status, read off the meter itself: the badge's colours stay out of every page.
  const count = meter === undefined ? '–' : badgeText(meter);
  return { status: meter?.status ?? 'none', count, label, detail, ariaLabel: `${label}: ${count}. ${detail}` };
}
