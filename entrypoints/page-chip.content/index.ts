import { browser } from 'wxt/browser';
import { CHATGPT_MATCHES } from '../../lib/channel/content-matches';
import { chipInputFrom, chipIsOn } from '../../lib/view/chip-input';
import type { ChipPosition } from '../../lib/view/chip-position';
import { chipViewOf } from '../../lib/view/chip-view';
import { TICK_MS } from '../../lib/view/format-time';
import { chipPositionStore } from '../../lib/extension/chip-position-store';
import { t, uiLocale } from '../../lib/extension/i18n';
import { QUOTA_STATE_KEY, SETTINGS_KEY } from '../../lib/extension/storage-keys';
import { createChipElement, type ChipElement } from './chip-element';

/**
 * The optional in-page chip (off by default; turned on in the popup's settings). It only reads
 * extension storage: nothing of the page is read, and the page's layout is never relied on.
 * Injected into every chatgpt.com page, so it is small: while the chip is off it reads one
 * storage key and waits for that key to change; the chip's DOM is built only when it is on.
 */

export default defineContentScript({
  matches: CHATGPT_MATCHES,
  runAt: 'document_idle',
  // Otherwise WXT posts a message carrying the extension id to '*' on chatgpt.com.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let chip: ChipElement | null = null;
    let hiddenHere = false;
    let position: ChipPosition | null = null;
    let ticking = false;

    async function paint(): Promise<void> {
      const stored = await browser.storage.local.get([SETTINGS_KEY, QUOTA_STATE_KEY]);
      const now = Date.now();
      const input = hiddenHere ? null : chipInputFrom(stored[SETTINGS_KEY], stored[QUOTA_STATE_KEY], now);
      if (input === null || ctx.isInvalid) return void chip?.remove();
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
        ctx.setInterval(repaint, TICK_MS);
      }
    }
    const repaint = () => paint().catch(() => undefined);

    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || ctx.isInvalid) return;
      if (SETTINGS_KEY in changes || (chip !== null && QUOTA_STATE_KEY in changes)) void repaint();
    });
    // While the chip is off (the default) a page pays for this one read and nothing else.
    void browser.storage.local
      .get(SETTINGS_KEY)
      .then((stored) => (chipIsOn(stored[SETTINGS_KEY]) ? repaint() : undefined))
      .catch(() => undefined);
  },
});
