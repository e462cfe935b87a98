import { browser } from 'wxt/browser';
import { chipInputFrom } from '../../lib/view/chip-input';
import type { ChipPosition } from '../../lib/view/chip-position';
import { chipViewOf } from '../../lib/view/chip-view';
import { TICK_MS } from '../../lib/view/format-time';
import { chipPositionStore } from '../../lib/extension/chip-position-store';
import { t, uiLocale } from '../../lib/extension/i18n';
import { MODEL_COUNTS_KEY, QUOTA_STATE_KEY, SETTINGS_KEY } from '../../lib/extension/storage-keys';
import { createChipElement, type ChipElement } from './chip-element';

/**
 * The optional in-page chip (off by default; turned on in the popup's settings). It only reads
 * extension storage: nothing of the page is read, and the page's layout is never relied on.
 *
 * Not in the manifest: an unlisted script that the background registers as a content script only
 * while the chip is on (lib/extension/chip-registration.ts), so a page pays nothing for it while it
 * is off. Its listeners and its tick are plain ones, not WXT's content-script context, which a page
 * can switch off by dispatching WXT's "newer script started" event (issue 23).
 */

export default defineUnlistedScript(() => {
  let chip: ChipElement | null = null;
  let hiddenHere = false;
  let position: ChipPosition | null = null;
  let ticking = false;

  async function paint(): Promise<void> {
    const stored = await browser.storage.local.get([SETTINGS_KEY, QUOTA_STATE_KEY, MODEL_COUNTS_KEY]);
    // Turned off while this page was open: the background unregisters the script for new pages,
    // and this one takes its chip down.
    const now = Date.now();
    const input = hiddenHere ? null : chipInputFrom(stored[SETTINGS_KEY], stored[QUOTA_STATE_KEY], now, stored[MODEL_COUNTS_KEY]);
    if (input === null) return void chip?.remove();
    position ??= await chipPositionStore.get();
    chip ??= createChipElement({
      hideLabel: t('chip_hide'),
      moveHint: t('chip_moveHint'),
      onMove(next, done) {
        position = next;
        void repaint();
        if (done) void chipPositionStore.update(() => next);
      },
      onHide() {
        hiddenHere = true;
        void repaint();
      },
    });
    chip.show(chipViewOf(input, now, t, uiLocale()), position);
    if (!ticking) {
      ticking = true;
      setInterval(repaint, TICK_MS);
    }
  }
  const repaint = () => paint().catch(() => undefined);

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (SETTINGS_KEY in changes || QUOTA_STATE_KEY in changes || MODEL_COUNTS_KEY in changes)) void repaint();
  });
  void repaint();
});
