import { startFirstRead } from '../lib/extension/first-read-start';

/**
 * A classic script that popup.html runs while it is parsed, before the popup's module has been
 * fetched and compiled: it only asks storage for the first frame's values
 * (lib/extension/first-paint-read.ts), so the answer is on its way, or back, when the popup renders.
 */
export default defineUnlistedScript(() => startFirstRead());
