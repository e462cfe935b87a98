import { featureLabel, type FeatureLabelKey } from '../core/feature-names';
import { CODEX_WINDOW_PREFIX, FIVE_HOURS_SECONDS, isCodexWindowName, WEEK_SECONDS } from '../core/codex-usage';
import type { AccountState, QuotaState } from '../core/quota-state';
import { COUNTED_PREFIX, isCountedMeterId } from '../core/rolling-window';
import { modelName } from '../core/model-names';

/**
 * Names of Codex windows in words. A window is named by its length ("5-hour window", "weekly"), not
 * by where the body put it: a window under a new name is still shown for what it is.
 */

type WindowKey =
  | 'popup_codexFiveHours'
  | 'popup_codexWeekly'
  | 'popup_codexHours'
  | 'popup_codexDays'
  | 'popup_codexLengthUnknown'
  | 'popup_codexCodeReview'
  | 'popup_codexWindowName'
  | 'popup_codexModelWindow'
  | 'popup_countedMeterName';
type Translate = (key: WindowKey | FeatureLabelKey, substitutions?: string[]) => string;

const HOUR_SECONDS = 3600;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/** "5-hour window", "Weekly window", "3-day window", "90-hour window"; unknown when the body does not say. */
function windowLengthLabel(seconds: number | null, translate: Translate): string {
  if (seconds === FIVE_HOURS_SECONDS) return translate('popup_codexFiveHours');
  if (seconds === WEEK_SECONDS) return translate('popup_codexWeekly');
  if (seconds === null) return translate('popup_codexLengthUnknown');
  if (seconds % DAY_SECONDS === 0) return translate('popup_codexDays', [String(seconds / DAY_SECONDS)]);
  return translate('popup_codexHours', [String(Math.max(1, Math.round(seconds / HOUR_SECONDS)))]);
}

/** The window's name inside the Codex group: its length, with "Code review" for code review's windows. */
export function windowLabel(name: string, seconds: number | null, translate: Translate): string {
  const length = windowLengthLabel(seconds, translate);
  return name.startsWith(`${CODEX_WINDOW_PREFIX}code_review_`) ? translate('popup_codexCodeReview', [length]) : length;
}

/** The length and model stored for a window in any account (windows of one name have one length and one limit). */
function storedWindowOf(accounts: Array<AccountState | undefined>, name: string): { seconds: number | null; model: string | null } {
  for (const account of accounts) {
    const window = account?.codex?.windows.find((entry) => entry.name === name);
    if (window) return { seconds: window.windowSeconds, model: window.model };
  }
  return { seconds: null, model: null };
}

/**
 * A badge or notification name for anything it can show: a feature, "Codex 5-hour window",
 * "Codex GPT-5.3-Codex-Spark: 5-hour window" for a model's window (the model's name as the server
 * gives it, cleaned and bounded: lib/core/server-text.ts), or "GPT-5 Thinking (counted here)".
 */
export function quotaLabel(name: string, state: Pick<QuotaState, 'accounts'>, translate: Translate): string {
  if (isCountedMeterId(name)) return translate('popup_countedMeterName', [modelName(name.slice(COUNTED_PREFIX.length))]);
  if (!isCodexWindowName(name)) return featureLabel(name, translate);
  const { seconds, model } = storedWindowOf(Object.values(state.accounts), name);
  const length = windowLabel(name, seconds, translate);
  return translate('popup_codexWindowName', [model === null ? length : translate('popup_codexModelWindow', [model, length])]);
}
