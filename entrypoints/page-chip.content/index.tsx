import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PageChip } from '../../components/page-chip';
import type { ChipPosition } from '../../lib/view/chip-position';
import { chipPositionStore } from '../../lib/extension/chip-position-store';
import { CHATGPT_MATCHES } from '../../lib/channel/content-matches';
import { quotaLabel } from '../../lib/view/window-label';
import { TICK_MS, formatDuration } from '../../lib/view/format-time';
import { badgeFor, type BadgeView } from '../../lib/alerts/quota-badge';
import { activeAccountState, type AccountState } from '../../lib/core/quota-state';
import { lowThresholdOf } from '../../lib/alerts/feature-status';
import { settingsStore } from '../../lib/extension/settings-store';
import { t, uiLocale } from '../../lib/extension/i18n';
import { quotaStore } from '../../lib/extension/quota-store';
// Inlined into the shadow root: no web-accessible stylesheet for the page to probe, no fetch.
import chipCss from './chip.css?inline';

/**
 * The optional in-page chip (off by default; turned on in the popup's settings). It only reads
 * extension storage: nothing of the page is read, and the page's layout is never relied on.
 */


function chipDetail(view: BadgeView, account: AccountState | undefined, now: number): string {
  if (view.status === 'none') return t('chip_noReading');
  if (view.status === 'stale') return t('chip_probablyReset');
  if (account?.features[view.feature]?.windowNotStarted && view.status !== 'blocked') return t('chip_full');
  if (view.resetsAt === null) return t('tooltip_resetUnknown');
  return t('chip_resetsIn', [formatDuration(view.resetsAt - now, uiLocale())]);
}

export default defineContentScript({
  matches: CHATGPT_MATCHES,
  runAt: 'document_idle',
  // Otherwise WXT posts a message carrying the extension id to '*' on chatgpt.com.
  noScriptStartedPostMessage: true,
  cssInjectionMode: 'manual',
  async main(ctx) {
    let ui: ShadowRootContentScriptUi<void> | null = null;
    let hiddenHere = false;
    let position: ChipPosition = await chipPositionStore.get();

    async function paint(): Promise<void> {
      const settings = await settingsStore.get();
      const feature = settings.badgeFeature;
      if (!settings.pageChip || hiddenHere || feature === null || !ui) return void ui?.remove();
      const state = await quotaStore.get();
      const account = activeAccountState(state);
      const now = Date.now();
      const view = badgeFor(account, now, feature, lowThresholdOf(settings, account, feature));
      if (!ui.mounted) ui.mount();
      render(
        <PageChip
          view={view}
          label={quotaLabel(feature, state, t)}
          detail={chipDetail(view, account, now)}
          position={position}
          hideLabel={t('chip_hide')}
          moveHint={t('chip_moveHint')}
          onMove={(next, done) => {
            position = next;
            void paint();
            if (done) void chipPositionStore.update(() => next);
          }}
          onHide={() => {
            hiddenHere = true;
            void paint();
          }}
        />,
        ui.uiContainer,
      );
    }

    ui = await createShadowRootUi(ctx, {
      name: 'quota-meter-chip',
      css: chipCss,
      position: 'inline',
      anchor: 'html',
      onMount: () => undefined,
      onRemove: () => {
        if (ui) render(null, ui.uiContainer);
      },
    });
    const repaint = () => paint().catch(() => undefined);
    quotaStore.watch(repaint);
    settingsStore.watch(repaint);
    ctx.setInterval(repaint, TICK_MS);
    repaint();
  },
});
