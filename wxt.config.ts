import { createRequire } from 'node:module';
import preact from '@preact/preset-vite';
import { defineConfig, type WxtViteConfig } from 'wxt';
import { CHATGPT_MATCHES } from './lib/channel/content-matches';

// QUOTA_METER_E2E=1 builds a test variant whose `notifications` permission is required instead of
// optional: headless Chromium never answers a permission prompt (docs/testing.md), so browser tests
// of notifications need it granted at install. The shipped build keeps it optional.
const notificationsRequired = process.env.QUOTA_METER_E2E === '1';

// The gauge mark in public/icon/ (strokes of at least ~1.6 px, so it reads at 16 px). The toolbar
// button's copy is set in entrypoints/popup/index.html: WXT builds Firefox's MV2 browser_action from
// the popup's own meta tags and drops `action` from here.
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// webextension-polyfill (the module below aliases `wxt/browser` to it) only in the background's build.
// Every other build gets WXT's own `browser` (globalThis.browser, else chrome): the browser's native
// promise API, Chrome's MV3 `chrome.*` and Firefox's `browser.*`, which is all they call. The relay
// runs on every chatgpt.com page and calls the API only through lib/extension/runtime-send.ts (about
// 2.5 KB gzip -9 saved on every page load); the popup's first chunk (about 2.7 KB) and the page chip
// need nothing more either. Only the background uses an API that Chrome 111 to 115
// (minimum_chrome_version) still answers by callback (notifications): there the polyfill stays.
// test/meta/built-content-scripts.test.ts weighs the page and the popup.
const require = createRequire(import.meta.url);
const POLYFILL_BROWSER = '@wxt-dev/webextension-polyfill/browser';
const NATIVE_BROWSER = require.resolve('@wxt-dev/browser');
const WITH_POLYFILL = 'background';
const POPUP = 'popup';
const RELAY_SCRIPT = 'relay.js';

/**
 * The popup's stylesheet, written into popup.html as a <style> element instead of a <link> to a
 * file of its own: a page's module waits for the stylesheets before it runs, and each file an
 * extension page loads is a round trip through the browser process (docs/performance.md). Only
 * an HTML page of ours that links a stylesheet this build emitted is changed; that file is dropped.
 * The extension pages' default CSP limits scripts, not styles, in Chrome and in Firefox.
 */
function inlinePopupStyles(): NonNullable<WxtViteConfig['plugins']>[number] {
  return {
    name: 'quota-meter:inline-popup-styles',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // Dropped once every page is written: a sheet two pages link goes into both.
      const inlined = new Set<string>();
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        page.source = String(page.source).replace(/<link rel="stylesheet"[^>]*? href="\/([^"]+\.css)">/g, (link, file: string) => {
          const sheet = bundle[file];
          if (sheet?.type !== 'asset') return link;
          inlined.add(file);
          return `<style>${String(sheet.source).trim()}</style>`;
        });
      }
      for (const file of inlined) delete bundle[file];
    },
  };
}

export default defineConfig({
  hooks: {
    // The relay is an unlisted script (entrypoints/relay.ts says why), listed here as the content
    // script it is: the interceptor's pages, document_start, the isolated world.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: CHATGPT_MATCHES, js: [RELAY_SCRIPT], run_at: 'document_start' },
      ];
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.name === WITH_POLYFILL)) return;
      config.plugins = [
        {
          name: 'quota-meter:native-browser',
          enforce: 'pre',
          resolveId: (source) => (source === POLYFILL_BROWSER ? NATIVE_BROWSER : null),
        },
        ...(config.plugins ?? []),
      ];
      // Everything the popup's first frame runs, in one file: the bundler would otherwise split out
      // what the lazy chunks share with it (preact, the formatters, the browser namespace), and every
      // file an extension page waits for before its first frame delays it. One chunk painted the
      // counts about 20 ms sooner (docs/performance.md). Only the HTML pages' build has the popup.
      if (entrypoints.some((entrypoint) => entrypoint.name === POPUP)) {
        const rollup = ((config.build ??= {}).rollupOptions ??= {});
        rollup.output = { ...rollup.output, codeSplitting: { groups: [{ name: POPUP, tags: ['$initial'] }] } };
      }
    },
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.QUOTA_METER_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), inlinePopupStyles()],
    // Every browser we support has modulepreload; the polyfill would only weigh on the popup. An
    // HTML page keeps its preload links (the popup has none: its first frame is one chunk, above); a
    // dynamic import adds none:
    // Vite's helper would insert a <link> per dependency from script, which took the popup's main
    // thread about 8 ms right after its first frame (docs/performance.md); the browser's own module
    // loader fetches those few local files as the chunk asks for them.
    build: { modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    // `scripting` registers the page chip's script while the chip is on (lib/extension/chip-registration.ts);
    // registering needs host access to the pages it names, which the content scripts' own matches
    // already show at install (docs/permissions.md: neither adds a warning). WXT moves
    // host_permissions into `permissions` for Firefox's MV2.
    permissions: [...(notificationsRequired ? ['storage', 'alarms', 'notifications'] : ['storage', 'alarms']), 'scripting'],
    host_permissions: CHATGPT_MATCHES,
    optional_permissions: notificationsRequired ? [] : ['notifications'],
    icons: ICONS,
    // MAIN-world content scripts (the interceptor) need Chrome 111; the browser tests run on
    // current Chromium (156 when this was set).
    ...(browser !== 'firefox' && { minimum_chrome_version: '111' }),
    action: { default_title: '__MSG_extension_name__' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'quota-meter@quota-meter.github.io',
          // The version the Firefox suite runs (Firefox ESR 153, docs/architecture.md). The APIs need
          // less: data_collection_permissions 140 on desktop (web-ext lint), MAIN-world scripts 128.
          strict_min_version: '153.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: {
          // The same key needs 142 on Android.
          strict_min_version: '142.0',
        },
      },
    }),
  }),
});
