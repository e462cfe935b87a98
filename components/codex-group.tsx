import type { CodexView, CreditsView, ResetCreditsView, WindowView } from '../lib/view/codex-view';
import { windowLabel } from '../lib/view/window-label';
import { formatLocalTime } from '../lib/view/format-time';
import { t, uiLocale } from '../lib/extension/i18n';
import { agoText, countText, forecastText, resetText } from './popup-format';
import { StatusTag } from './status-tag';

function balanceText(balance: NonNullable<CreditsView['balance']>): string {
  if (balance.kind === 'unlimited') return t('popup_codexCreditsUnlimited');
  if (balance.kind === 'none') return t('popup_codexCreditsNone');
  return t('popup_codexCredits', [countText(balance.balance)]);
}

/** "Credits: 8.25 · ≈ 40–200 local or 10–50 cloud messages · Spending limit reached", as far as known. */
function creditsText(credits: CreditsView): string {
  const range = (value: readonly number[] | null) => (value === null ? '?' : `${countText(value[0] ?? 0)}–${countText(value[1] ?? 0)}`);
  // One range may be unknown: it is then "?", never a guess.
  const messages =
    credits.localMessages !== null || credits.cloudMessages !== null
      ? t('popup_codexMessages', [range(credits.localMessages), range(credits.cloudMessages)])
      : null;
  const parts = [credits.balance && balanceText(credits.balance), messages, credits.spendReached && t('popup_codexSpendReached')];
  return parts.filter((text): text is string => Boolean(text)).join(' · ');
}

function resetCreditsText(credits: ResetCreditsView, now: number): string {
  const count = countText(credits.available);
  if (credits.expiresAt === null) return t('popup_codexResetCredits', [count]);
  return t('popup_codexResetCreditsExpiry', [count, formatLocalTime(credits.expiresAt, now, uiLocale())]);
}

/**
 * One window: its length in words (a model's window under its model's name, which its heading's
 * accessible name repeats), "63% left" with a bar, the reset with a countdown (or that it has
 * passed) and the server's "limit reached" when it says so under 100%, and, once the share has
 * risen twice, whether at this pace it runs out before the reset.
 */
function WindowItem({ window, now }: { window: WindowView; now: number }) {
  const length = windowLabel(window.name, window.windowSeconds, t);
  const label = window.model === null ? length : t('popup_codexModelWindow', [window.model, length]);
  const left = t('popup_codexLeft', [String(window.left)]);
  return (
    <li class={`feature codex-window feature-${window.status}`}>
      <div class="feature-head">
        <h3 class="feature-name" aria-label={label}>
          {length}
        </h3>
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
      <p class="feature-detail">
        {resetText(window.reset, now)}
        {window.reachedAt !== null && <span class="codex-reached"> · {t('popup_codexReached', [String(window.reachedAt)])}</span>}
      </p>
      {window.forecast && <p class="feature-forecast">{forecastText(window.forecast, window.reset, now)}</p>}
    </li>
  );
}

/** The windows in runs of one model (the main and code review limits first, as null), in the view's order. */
function limitsOf(windows: WindowView[]): Array<{ model: string | null; windows: WindowView[] }> {
  const runs: Array<{ model: string | null; windows: WindowView[] }> = [];
  for (const window of windows) {
    const last = runs.at(-1);
    if (last !== undefined && last.model === window.model) last.windows.push(window);
    else runs.push({ model: window.model, windows: [window] });
  }
  return runs;
}

/** The Codex group: its windows, credits and reset credits when the body had them, and how old the reading is. */
export function CodexGroup({ view, now }: { view: CodexView | null; now: number }) {
  if (view === null) return null;
  return (
    <section aria-labelledby="codex-heading" class="codex-group">
      <h2 id="codex-heading">{t('popup_codexHeading')}</h2>
      {limitsOf(view.windows).map(({ model, windows }) => (
        <>
          {model !== null && <h3 class="codex-model">{model}</h3>}
          <ul class="feature-list">
            {windows.map((window) => (
              <WindowItem key={window.name} window={window} now={now} />
            ))}
          </ul>
        </>
      ))}
      {view.credits && <p class="feature-note codex-credits">{creditsText(view.credits)}</p>}
      {view.resetCredits && <p class="feature-note codex-reset-credits">{resetCreditsText(view.resetCredits, now)}</p>}
      <p class="freshness codex-seen">{t('popup_codexSeen', [agoText(view.seenAt, now)])}</p>
    </section>
  );
}
