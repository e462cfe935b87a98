import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PageChip } from '../../components/page-chip';
import { chipPositionFromStorage, type ChipPosition } from '../../lib/view/chip-position';
import { CHATGPT_MATCHES } from '../../lib/channel/content-matches';
import { quotaLabel } from '../../lib/view/window-label';
import { formatDuration } from '../../lib/view/format-time';
import { badgeFor, type BadgeView } from '../../lib/alerts/quota-badge';
import { activeAccountState, type AccountState } from '../../lib/core/quota-state';
import { lowThresholdFor } from '../../lib/alerts/settings';
import { settingsStore } from '../../lib/extension/settings-store';
import { t, uiLocale } from '../../lib/extension/i18n';
import { QUOTA_STATE_KEY, loadQuotaState } from '../../lib/extension/quota-store';
// Inlined into the shadow root: no web-accessible stylesheet for the page to probe, no fetch.
import chipCss from './chip.css?inline';

/**
 * The optional in-page chip (off by default; turned on in the popup's settings). It only reads
 * extension storage: nothing of the page is read, and the page's layout is never relied on.
 */

const POSITION_KEY = 'chipPosition';
const TICK_MS = 30_000;

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
  cssInjectionMode: 'manual',
  async main(ctx) {
    let ui: ShadowRootContentScriptUi<void> | null = null;
    let hiddenHere = false;
    let position: ChipPosition = chipPositionFromStorage((await browser.storage.local.get(POSITION_KEY))[POSITION_KEY]);

    async function paint(): Promise<void> {
      const settings = await settingsStore.get();
      const feature = settings.badgeFeature;
      if (!settings.pageChip || hiddenHere || feature === null || !ui) return void ui?.remove();
      const { state } = await loadQuotaState();
      const account = activeAccountState(state);
      const now = Date.now();
      const view = badgeFor(account, now, feature, lowThresholdFor(settings, feature, account?.features[feature]?.maxSeen ?? 0));
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
            if (done) void browser.storage.local.set({ [POSITION_KEY]: next });
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
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && (QUOTA_STATE_KEY in changes || settingsStore.key in changes)) repaint();
    });
    ctx.setInterval(repaint, TICK_MS);
    repaint();
  },
});
