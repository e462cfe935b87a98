import { configDefaults } from 'vitest/config';
import { browserSuiteConfig } from './browser-suite-config.ts';

/**
 * The Firefox ESR suite (`npm run test:e2e:firefox`): the cross-browser suites of test/e2e/suites
 * and the Firefox-only specs, against the packed Firefox build. Its replica listens on a free
 * port, reached through a proxy (harness/firefox/replica-proxy.ts): no root needed.
 */
export default browserSuiteConfig({
  include: ['test/e2e/specs/firefox/**/*.firefox.e2e.test.ts'],
  exclude: configDefaults.exclude,
  globalSetup: 'test/e2e/firefox-global-setup.ts',
  report: 'e2e-firefox',
});
