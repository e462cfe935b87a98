import { browser, type Browser } from 'wxt/browser';
import { CHATGPT_MATCHES } from '../channel/content-matches';
import { createSerialQueue } from '../core/serial-queue';

/**
 * The page chip is not a content script of the manifest: the background registers it with the
 * `scripting` API while the user has it on and unregisters it when they turn it off, so a
 * chatgpt.com page loads nothing of it while it is off (issue 24). Chrome (MV3) and Firefox (MV2,
 * `scripting` since 102, `persistAcrossSessions` since 105) keep a registration across browser
 * restarts; the background still brings it in line with the settings on every install, update and
 * start, since a registration made by an older version may name files or pages this one does not.
 */

const CHIP_SCRIPT_ID = 'page-chip';

/** `page-chip.js`: the unlisted script WXT builds from entrypoints/page-chip/. */
const CHIP_SCRIPT = {
  id: CHIP_SCRIPT_ID,
  js: ['page-chip.js'],
  matches: CHATGPT_MATCHES,
  runAt: 'document_idle',
  persistAcrossSessions: true,
} satisfies Browser.scripting.RegisteredContentScript;

const sorted = (values: readonly string[] | undefined) => JSON.stringify([...(values ?? [])].sort());

/** Whether a registration found in the browser is the one this version would make. */
function isCurrent(found: Browser.scripting.RegisteredContentScript): boolean {
  return (
    sorted(found.js) === sorted(CHIP_SCRIPT.js) &&
    sorted(found.matches) === sorted(CHIP_SCRIPT.matches) &&
    (found.runAt ?? 'document_idle') === CHIP_SCRIPT.runAt
  );
}

// Settings can change twice before the browser has answered the first sync: one at a time.
const serially = createSerialQueue();

/**
 * Registers the chip's script when `on` and none (or an outdated one) is registered, unregisters it
 * when not `on`; does nothing when the browser already holds what `on` asks for.
 */
export function syncChipRegistration(on: boolean): Promise<void> {
  return serially(async () => {
    const scripting = browser.scripting as typeof browser.scripting | undefined;
    // Only a browser without the API (none the extension supports) lacks it: then there is no chip.
    if (scripting === undefined) return;
    const [found] = await scripting.getRegisteredContentScripts({ ids: [CHIP_SCRIPT_ID] });
    if (found !== undefined && on && isCurrent(found)) return;
    if (found !== undefined) await scripting.unregisterContentScripts({ ids: [CHIP_SCRIPT_ID] });
    if (on) await scripting.registerContentScripts([CHIP_SCRIPT]);
  });
}
