import { browser } from 'wxt/browser';
import { chipInputFrom } from '../../lib/view/chip-input';
import type { ChipPosition } from '../../lib/view/chip-position';
import { chipViewOf } from '../../lib/view/chip-view';
import { TICK_MS } from '../../lib/view/format-time';
import { chipPositionStore } from '../../lib/extension/chip-position-store';
import { t, uiLocale } from '../../lib/extension/i18n';
import { isEntryOf, joinedOf, readSplitItems } from '../../lib/extension/split-storage';
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

/** The second read after the chip starts: past the page's first readings (entrypoints/page-chip). */
const SETTLE_MS = 1500;

export default defineUnlistedScript(() => {
  let chip: ChipElement | null = null;
  let hiddenHere = false;
  let position: ChipPosition | null = null;
  let ticking = false;

  async function paint(): Promise<void> {
    const get = (keys: string[]) => browser.storage.local.get(keys);
    // The quota state and the model counts are a head plus one key per account (lib/extension/split-storage.ts).
    const split = [QUOTA_STATE_KEY, MODEL_COUNTS_KEY];
    const stored = await readSplitItems(get, split, await get([SETTINGS_KEY, ...split]));
    // Turned off while this page was open: the background unregisters the script for new pages,
    // and this one takes its chip down.
    const now = Date.now();
    const input = hiddenHere
      ? null
      : chipInputFrom(stored[SETTINGS_KEY], joinedOf(QUOTA_STATE_KEY, stored), now, joinedOf(MODEL_COUNTS_KEY, stored));
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

  // A split value's head is `key`, its entries `key/<id>`.
  const isPartOf = (key: string, value: string) => key === value || isEntryOf(key, value);
  const watched = (key: string) => key === SETTINGS_KEY || isPartOf(key, MODEL_COUNTS_KEY) || isPartOf(key, QUOTA_STATE_KEY);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some(watched)) void repaint();
  });
  void repaint();
  // Read once more a little later: a change made while this script starts can be missed by both its
  // first read and its listener (seen in Firefox, in about one of ten runs of the page-chip e2e test
  // after a browser restart: the chip kept the count from before the page's reading until its tick).
  setTimeout(repaint, SETTLE_MS);
});
