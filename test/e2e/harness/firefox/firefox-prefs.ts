import { PROXIED_HOSTS } from './replica-proxy';

/**
 * The preferences of every Firefox profile the suite starts. Each replaces a Chromium flag or
 * a step a user would take (docs/testing.md, "End-to-end in Firefox").
 */

/** The gecko id of wxt.config.ts: the packed extension is named after it in the profile. */
export const GECKO_ID = 'quota-meter@quota-meter.github.io';

/** Firefox gives each extension a random internal UUID per profile; pinned, the popup has a known URL. */
export const EXTENSION_UUID = '5d1f3a52-8c0e-4b8e-9f57-2a6c41e0b7d3';

export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * A proxy auto-config script that sends chatgpt.com and ws.chatgpt.com (exactly those names) to
 * the replica's CONNECT proxy on `proxyPort` (replica-proxy.ts) and everything else DIRECT, as
 * without it: Firefox's --host-resolver-rules, with a port, which network.dns.localDomains lacks.
 */
export function replicaPacScript(proxyPort: number): string {
  const hosts = JSON.stringify(PROXIED_HOSTS);
  return (
    'function FindProxyForURL(url, host) { ' +
    `return ${hosts}.indexOf(host.toLowerCase()) >= 0 ? "PROXY 127.0.0.1:${proxyPort}" : "DIRECT"; }`
  );
}

export function firefoxPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // 2: proxy auto-config, from a data: URL, so no file or server is needed for the script itself.
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(replicaPacScript(proxyPort))}`,
    // The extension is installed as a file in the profile (packed-extension.ts), as an installed
    // add-on is, so that it is still there after a restart; ESR honours this pref for unsigned files.
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 15,
    // No update or telemetry traffic beside what the suite looks at.
    'extensions.update.enabled': false,
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
  };
}
