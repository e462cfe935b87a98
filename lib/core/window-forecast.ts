import type { CodexWindowState } from './codex-state';
import { forecastRunOut, type RunOutForecast } from './run-out-forecast';

/**
 * The run-out forecast of a Codex window (lib/core/run-out-forecast.ts), from the shares used seen
 * in its current window: what counts down is the percent left. Null past the reset, with fewer
 * than two drops, or with no drop in the last hours, as for a feature.
 */
export function windowRunOut(window: Pick<CodexWindowState, 'samples' | 'resetsAt'>, now: number): RunOutForecast | null {
  const points = window.samples.map((sample) => ({ at: sample.at, remaining: 100 - sample.usedPercent }));
  return forecastRunOut(points, window.resetsAt, now);
}
