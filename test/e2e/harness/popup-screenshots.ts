import path from 'node:path';
import type { ExtensionUnderTest } from './extension-under-test';
import type { ColorScheme } from '../store-assets';
import { STORE_SCREENSHOT_SIZE } from '../store-assets';

/** The popup as the toolbar shows it (its body, 400 px wide), in light and dark, as PNG files. */
export async function screenshotPopup(extension: ExtensionUnderTest, dir: string, name: string): Promise<string[]> {
  const files: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const popup = await extension.openPopup({ colorScheme });
    // The popup renders once storage answers; its main landmark appears then.
    await popup.getByRole('main').waitFor();
    const file = path.join(dir, `${name}-${colorScheme}.png`);
    await popup.locator('body').screenshot({ path: file, animations: 'disabled' });
    files.push(file);
    await popup.close();
  }
  return files;
}

/**
 * A store listing's frame around the popup: the page, at the store's size, shows the popup's own
 * body enlarged a quarter (still under 800 px at its 600 px most) and centred on a plain
 * background of the same colour scheme. Only the test page is styled; the extension is as built.
 */
const STORE_FRAME_CSS = `
html { min-height: 100vh; display: grid; place-items: center; background: #e6e9ee; }
@media (prefers-color-scheme: dark) { html { background: #0d1014; } }
body { zoom: 1.25; border-radius: 10px; box-shadow: 0 10px 40px rgb(0 0 0 / 0.28); overflow: hidden; }
`;

/** One store screenshot (store-assets.ts) of the popup as it is now, at 1280x800. */
export async function screenshotPopupForStore(extension: ExtensionUnderTest, colorScheme: ColorScheme, file: string): Promise<void> {
  const popup = await extension.openPopup({ colorScheme });
  await popup.setViewportSize(STORE_SCREENSHOT_SIZE);
  await popup.getByRole('main').waitFor();
  await popup.addStyleTag({ content: STORE_FRAME_CSS });
  await popup.screenshot({ path: file, animations: 'disabled' });
  await popup.close();
}
