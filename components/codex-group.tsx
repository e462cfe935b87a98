import type { CodexView, CreditsView, WindowView } from '../lib/view/codex-view';
import { windowLabel } from '../lib/view/window-label';
import { t } from '../lib/extension/i18n';
import { agoText, countText, forecastText, resetText } from './popup-format';
import { StatusTag } from './status-tag';

function creditsText(credits: CreditsView): string {
  if (credits.kind === 'unlimited') return t('popup_codexCreditsUnlimited');
  if (credits.kind === 'none') return t('popup_codexCreditsNone');
  return t('popup_codexCredits', [countText(credits.balance)]);
}

/**
 * One window: its length in words, "63% left" with a bar, the reset with a countdown (or that it has
 * passed), and, once the share has risen twice, whether at this pace it runs out before the reset.
 */
function WindowItem({ window, now }: { window: WindowView; now: number }) {
  const label = windowLabel(window.name, window.windowSeconds, t);
  const left = t('popup_codexLeft', [String(window.left)]);
  return (
    <li class={`feature codex-window feature-${window.status}`}>
      <div class="feature-head">
        <h3 class="feature-name">{label}</h3>
        <StatusTag status={window.status} />
        <span class="count">{left}</span>
      </div>
      <div
        class="meter"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={window.left}
        aria-valuetext={left}
      >
        <div class="meter-fill" style={{ width: `${window.left}%` }} />
      </div>
      <p class="feature-detail">{resetText(window.reset, now)}</p>
      {window.forecast && <p class="feature-forecast">{forecastText(window.forecast, window.reset, now)}</p>}
    </li>
  );
}

/** The Codex group: its windows, credits when the body had them, and how old the reading is. */
export function CodexGroup({ view, now }: { view: CodexView | null; now: number }) {
  if (view === null) return null;
  return (
    <section aria-labelledby="codex-heading" class="codex-group">
      <h2 id="codex-heading">{t('popup_codexHeading')}</h2>
      <ul class="feature-list">
        {view.windows.map((window) => (
          <WindowItem key={window.name} window={window} now={now} />
        ))}
      </ul>
      {view.credits && <p class="feature-note codex-credits">{creditsText(view.credits)}</p>}
      <p class="freshness codex-seen">{t('popup_codexSeen', [agoText(view.seenAt, now)])}</p>
    </section>
  );
}
