import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CHATGPT_MATCHES } from './lib/channel/content-matches';
import type { InlineConfig } from 'vite';

// QUOTA_METER_E2E=1 builds a test variant whose `notifications` permission is required instead of
// optional: headless Chromium never answers a permission prompt (docs/testing.md), so browser tests
// of notifications need it granted at install. The shipped build keeps it optional.
const notificationsRequired = process.env.QUOTA_METER_E2E === '1';

// The gauge mark in public/icon/ (strokes of at least ~1.6 px, so it reads at 16 px). The toolbar
// button's copy is set in entrypoints/popup/index.html: WXT builds Firefox's MV2 browser_action from
// the popup's own meta tags and drops `action` from here.
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

/**
 * webextension-polyfill (the module above aliases `wxt/browser` to it) only in the background's
 * build. Every other build gets WXT's own `wxt/browser`, the browser's native promise API: Chrome's
 * MV3 `chrome.*` and Firefox's `browser.*`, which is all the popup and the page chip call. Only the
 * background uses an API that Chrome 111 to 115 (minimum_chrome_version) still answers by callback
 * (notifications), and there the polyfill stays. In the popup's first chunk it weighed 3 KB gzip.
 */
function polyfillOnlyIn(kept: string) {
  return (entrypoints: readonly { name: string }[], config: InlineConfig) => {
    if (entrypoints.some((entrypoint) => entrypoint.name === kept)) return;
    const alias = config.resolve?.alias;
    if (Array.isArray(alias)) config.resolve!.alias = alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
    else if (alias) delete (alias as Record<string, string>)['wxt/browser'];
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: { 'vite:build:extendConfig': polyfillOnlyIn('background') },
  outDir: process.env.QUOTA_METER_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    // Every browser we support has modulepreload; the polyfill would only weigh on the popup.
    build: { modulePreload: { polyfill: false } },
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
