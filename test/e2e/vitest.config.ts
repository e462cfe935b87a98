import { configDefaults } from 'vitest/config';
import { browserSuiteConfig } from './browser-suite-config.ts';

export default browserSuiteConfig({
  include: ['test/e2e/specs/**/*.e2e.test.ts'],
  // The Firefox specs have their own run (firefox.vitest.config.ts).
  exclude: [...configDefaults.exclude, 'test/e2e/specs/firefox/**'],
  globalSetup: 'test/e2e/global-setup.ts',
  report: 'e2e',
});
