import path from 'node:path';
import type { ExtensionUnderTest } from './extension-under-test';

/** The popup as the toolbar shows it (its body, 360 px wide), in light and dark, as PNG files. */
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
