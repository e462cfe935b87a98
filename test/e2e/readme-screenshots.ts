import path from 'node:path';

/**
 * The demo's screenshots that the README shows, and the file of test-artifacts/demo/ each is a
 * copy of (`npm run demo -- --readme` copies them; test/unit/meta/readme-claims.test.ts checks
 * that the README shows exactly these, at the size the demo writes).
 */
export const README_SCREENSHOTS_DIR = path.join('docs', 'screenshots');

export const README_SCREENSHOTS: readonly { readonly file: string; readonly demoFile: string }[] = [
  { file: 'popup-running-low-light.png', demoFile: '2-running-low-light.png' },
  { file: 'popup-used-up-dark.png', demoFile: '3-used-up-dark.png' },
  { file: 'popup-running-low-zh_CN-light.png', demoFile: 'zh_CN-2-running-low-light.png' },
];
