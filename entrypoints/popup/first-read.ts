import { readFirstPaint } from '../../lib/extension/first-paint-read';

/**
 * The first frame's storage read, started as this module is evaluated. main.tsx imports it before
 * any other module, so the bundle runs it first: the read is on its way while the rest of the
 * popup's module is evaluated and mounted (lib/extension/first-paint-read.ts). A classic script in
 * popup.html started it before; with the popup's first frame in one module, that script was one
 * more file to wait for and started the read no sooner (docs/performance.md).
 */
export const firstPaint = readFirstPaint();
