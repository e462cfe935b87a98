import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const BROWSER_API_MESSAGE = 'Only lib/extension/ and entrypoints/ touch the browser API (docs/architecture.md).';
const BROWSER_API = [
  { name: 'wxt/browser', message: BROWSER_API_MESSAGE },
  { name: 'webextension-polyfill', message: BROWSER_API_MESSAGE },
];
const BROWSER_API_PATTERNS = [{ group: ['wxt/utils/storage', '@wxt-dev/browser', '@wxt-dev/browser/*'], message: BROWSER_API_MESSAGE }];
// Components read and write storage only through lib/extension/'s stores, never storage itself.
const STORAGE_AREA = {
  group: ['**/extension/stored-value'],
  importNames: ['defineStoredValue'],
  message: 'Components use the stores of lib/extension/, not a storage area of their own.',
};

const PAGE_NO_ZOD = { group: ['zod', 'zod/*'], message: 'No zod in the page: it would weigh on every page load (docs/architecture.md).' };

/** no-restricted-imports: the browser API always, plus what the folder adds. */
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { paths: BROWSER_API, patterns: [...BROWSER_API_PATTERNS, ...patterns] }],
});

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'test-artifacts/**', 'web-ext-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // The boundaries of docs/architecture.md ("Import rules"), enforced rather than remembered.
  {
    // The browser API and WXT's runtime: only lib/extension/ and entrypoints/ reach them.
    files: ['lib/**', 'components/**'],
    ignores: ['lib/extension/**'],
    rules: restrict(STORAGE_AREA),
  },
  {
    // What runs in the page (the MAIN-world bundle) and the CLI: no zod, no browser API, nothing but
    // itself. The page owns the page message's description (lib/page/page-message.ts), so no
    // exception is needed: lib/channel/ imports lib/page/, never the other way round.
    files: ['lib/page/**'],
    rules: restrict(PAGE_NO_ZOD, {
      regex: '^\\.\\./',
      message: 'lib/page/ imports only lib/page/ (docs/architecture.md).',
    }),
  },
  {
    // The interceptor: the page's code, the match patterns and the port hand-over, which is plain DOM.
    files: ['entrypoints/interceptor.content.ts'],
    rules: restrict(PAGE_NO_ZOD, {
      regex: '^\\.\\./(?!lib/(page/|channel/(content-matches|port-handover)$))',
      message: 'The interceptor imports only lib/page/, the match patterns and the port hand-over (docs/architecture.md).',
    }),
  },
  {
    // The pure layers never reach up into the extension's stores or the CLI.
    files: ['lib/channel/**', 'lib/core/**', 'lib/alerts/**', 'lib/view/**'],
    rules: restrict({
      group: ['../extension/*', '../cli/*'],
      message: 'Pure lib/ folders do not import lib/extension/ or lib/cli/ (docs/architecture.md).',
    }),
  },
  {
    // The CLI and the test harness talk to a terminal.
    files: ['lib/cli/**', 'test/**', '.ci/**', '*.config.ts'],
    rules: { 'no-console': 'off' },
  },
);
