import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { weightOf, type FileWeight } from './popup-files';

/** The popup's floor (page/popup-floor.ts): a page of the bench's build, opened as the popup is. */
export const FLOOR_POPUP_PAGE = 'bench-floor-popup.html';
const FLOOR_POPUP_SCRIPT = 'bench-floor-popup.js';
/** What popup-watch.js waits for in the floor's line. */
export const FLOOR_POPUP_LABEL = 'image_gen';

const SOURCE = fileURLToPath(new URL('./page/popup-floor.ts', import.meta.url));

const HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>' +
  `<script type="module" src="/${FLOOR_POPUP_SCRIPT}"></script></head><body><main></main></body></html>\n`;

/**
 * Writes the floor's page and its one module (bundled, minified, as the popup's chunk is) into the
 * bench's build, beside the bare page; returns the module's weight for the report.
 */
export function writePopupFloor(extensionDir: string): FileWeight {
  buildSync({
    entryPoints: [SOURCE],
    outfile: path.join(extensionDir, FLOOR_POPUP_SCRIPT),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    logLevel: 'silent',
  });
  writeFileSync(path.join(extensionDir, FLOOR_POPUP_PAGE), HTML);
  return weightOf(extensionDir, FLOOR_POPUP_SCRIPT);
}
