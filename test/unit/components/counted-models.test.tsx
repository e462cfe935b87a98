// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CountedModels } from '../../../components/counted-models';
import { FeatureDetails } from '../../../components/feature-details';
import { popupView } from '../../../lib/view/popup-view';
import { account, feature } from './popup-states';
import { defaultSettings } from '../../../lib/alerts/settings';
import { emptyModelCounts, recordTurn } from '../../../lib/core/model-counts';
import { countedModelViews } from '../../../lib/view/counted-models';
import { englishMessage } from '../setup';

/** The popup's counted models, rendered: a capped model's run-out forecast, marked as counted; reset counts. */

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 5, 12, 0);
const ACCOUNT = 'default';
const SLUG = 'gpt-5-thinking';

beforeAll(() => {
  // Clock times in the texts are local: pin the zone.
  process.env.TZ = 'UTC';
});
afterEach(() => render(null, document.body));

function show(
  minutesAgo: number[],
  caps: Record<string, { limit: number; windowHours: number }>,
  onReset = vi.fn(),
  server: { features: Record<string, unknown> } = { features: {} },
) {
  const counts = minutesAgo.reduce((kept, ago) => recordTurn(kept, ACCOUNT, SLUG, null, NOW - ago * MINUTE), emptyModelCounts());
  const models = countedModelViews(counts, ACCOUNT, { ...defaultSettings(), modelCaps: caps }, NOW, server);
  render(<CountedModels models={models} now={NOW} onReset={onReset} />, document.body);
  return document.body.querySelector<HTMLElement>(`[data-model="${SLUG}"]`)!;
}

describe('CountedModels', () => {
  it('a capped model used at a steady pace: the run-out forecast, an estimate counted here', () => {
    // Three turns in the last hour of a cap of 10 per 24 h: 7 left, three an hour.
    const item = show([60, 30, 10], { [SLUG]: { limit: 10, windowHours: 24 } });
    const forecast = item.querySelector('.feature-forecast')?.textContent ?? '';
    // 7 left at three an hour: about 2 h 20 min from now, an estimate counted here.
    expect(forecast).toBe(englishMessage('popup_countedForecast', ['02:20 PM']));
    expect(forecast).toContain('(estimate, counted here)');
  });

  it('no cap, or too few turns for a pace: no forecast', () => {
    expect(show([60, 30, 10], {}).querySelector('.feature-forecast')).toBeNull();
    expect(show([10], { [SLUG]: { limit: 10, windowHours: 24 } }).querySelector('.feature-forecast')).toBeNull();
  });

  it('where the server counts the model (`reason` listed), its meter leads: no cap line, the note names it', () => {
    const item = show([60, 30, 10], { [SLUG]: { limit: 10, windowHours: 24 } }, vi.fn(), { features: { reason: {} } });
    expect(item.querySelector('.counted-left')).toBeNull();
    expect(item.querySelector('.counted-led')?.textContent).toBe(
      englishMessage('popup_countedServerLeads', [englishMessage('feature_reason')]),
    );
    // The local count stays, as a detail.
    expect(item.querySelector('.counted-line')?.textContent).toContain('3 in 3 h');
  });

  it('"reset counts" asks for that model', () => {
    const onReset = vi.fn();
    show([10], {}, onReset).querySelector<HTMLButtonElement>('.counted-reset')!.click();
    expect(onReset).toHaveBeenCalledWith(SLUG);
  });

  it("and the server's meter carries the local count in its details, marked as counted in this browser", () => {
    const counts = [60, 30, 10].reduce((kept, ago) => recordTurn(kept, ACCOUNT, SLUG, null, NOW - ago * MINUTE), emptyModelCounts());
    const state = account([feature('reason', 40)]);
    const [model] = countedModelViews(counts, ACCOUNT, defaultSettings(), NOW, state);
    const countedHere = { [model!.ledBy!]: { model: model!.name, counts: model!.counts } };
    const reason = popupView(state, NOW, { countedHere }).features.find((view) => view.name === 'reason')!;
    render(<FeatureDetails feature={reason} now={NOW} />, document.body);
    expect(document.body.querySelector('.counted-here')?.textContent).toBe(
      `${englishMessage('popup_countedHeading')} ${englishMessage('popup_countedModel', ['GPT-5 Thinking', '3', '3', '3'])}`,
    );
  });
});
