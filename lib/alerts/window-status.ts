import { percentLeft } from '../core/codex-usage';
import type { CodexWindowState } from '../core/codex-state';
import { statusOfLeft, type FeatureStatus } from './feature-status';

/**
 * The one rule for what a Codex window's reading means now, as lib/alerts/feature-status.ts is for
 * features, shared by the badge, the popup and the notifications: past its reset it is stale (the
 * share shown is the one before it), else used up at 0% left and low at or below the threshold,
 * a percent left.
 */
export type WindowStatus = Exclude<FeatureStatus, 'blocked'>;

export function windowStatus(window: Pick<CodexWindowState, 'usedPercent' | 'resetsAt'>, now: number, lowThreshold: number): WindowStatus {
  return statusOfLeft(percentLeft(window.usedPercent), window.resetsAt, now, lowThreshold);
}
